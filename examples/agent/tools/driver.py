"""Test driver and demo controller for the MQTT agent (CPython + paho-mqtt, not part of the agent).

    .venv/bin/python examples/agent/tools/driver.py [--scenario full|chaos|demo] [--seed N]
        [--data DIR] [--cwd DIR] [--mosquitto PATH] [--heartbeat S] -- AGENT_COMMAND...

It starts mosquitto on a free 127.0.0.1 port, starts the agent (AGENT_COMMAND, run in --cwd, with
AGENT_BROKER/AGENT_ID/AGENT_DATA/AGENT_HEARTBEAT in its environment), runs the scenario with a paho
client, stops everything and exits 0 if every check passed (1 otherwise, with the reason and the
tail of the agent's and the broker's logs).

full:  50 commands at once (5 `sleep 1` long jobs first, then echo/eval/upload), all results must
       arrive, short ones while the long ones run, heartbeats keep coming; then the broker is
       restarted: the agent must reconnect and answer every command sent after it is back; then
       `quit`: the agent must exit with status 0; uploaded files must be in DATA/files.
chaos: broker chaos under load, every random choice from --seed (default 1): rounds of a few
       hundred commands sent while every worker is busy with a long job (so the agent's inbox
       overflows), the broker killed (SIGKILL) and restarted at a random point of most rounds.
       The agent may drop commands (it counts them in `stats`), never stop: every answer that
       comes must be right; afterwards it must answer 20 commands in a row, report what it
       dropped, and exit with status 0 on `quit`.
demo:  a short scripted session that prints each command and its result.

This file is a tool of the example: greenify the agent without it (the tests copy the tree
without tools/).
"""
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

try:
    import paho.mqtt.client as mqtt
except ImportError:
    sys.exit("driver: paho-mqtt is missing: run scripts/agent_setup.sh")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def find_mosquitto(explicit):
    for cand in (explicit, shutil.which("mosquitto"), "/usr/sbin/mosquitto"):
        if cand and os.path.exists(cand):
            return cand
    sys.exit("driver: mosquitto is missing: run scripts/agent_setup.sh")


class Failure(Exception):
    pass


class Broker:
    def __init__(self, binary, port, workdir):
        self.binary = binary
        self.port = port
        self.conf = os.path.join(workdir, "mosquitto.conf")
        self.log = os.path.join(workdir, "mosquitto.log")
        with open(self.conf, "w") as f:
            f.write("listener %d 127.0.0.1\nallow_anonymous true\npersistence false\n" % port)
        self.proc = None

    def start(self):
        logf = open(self.log, "ab")
        self.proc = subprocess.Popen([self.binary, "-c", self.conf], stdout=logf, stderr=logf)
        logf.close()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise Failure("mosquitto exited with status %s" % self.proc.returncode)
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise Failure("mosquitto did not start listening on port %d" % self.port)

    def kill(self):
        """Chaos: the broker dies at once, without closing its connections cleanly."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


class Controller:
    """The paho side: sends commands, collects results, heartbeats and status messages."""

    def __init__(self, port, agent_id):
        self.base = "agent/%s/" % agent_id
        self.results = {}  # id -> (text, arrival time)
        self.order = []  # ids in arrival order
        self.beats = []  # arrival times
        self.status = []  # (text, arrival time)
        c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="driver-%d" % os.getpid())
        c.on_connect = self._on_connect
        c.on_message = self._on_message
        c.on_disconnect = self._on_disconnect
        c.reconnect_delay_set(0.1, 1)
        c.connect("127.0.0.1", port)
        c.loop_start()
        self.client = c
        self.connected = False

    def _on_connect(self, client, userdata, flags, reason, props):
        client.subscribe(self.base + "+", qos=1)
        self.connected = True

    def _on_disconnect(self, client, userdata, flags, reason, props):
        self.connected = False

    def _on_message(self, client, userdata, m):
        now = time.monotonic()
        topic = m.topic[len(self.base):]
        text = m.payload.decode(errors="replace")
        if topic == "result":
            cid, _, rest = text.partition(" ")
            if cid not in self.results:
                self.order.append(cid)
            self.results[cid] = (rest, now)
        elif topic == "hb":
            self.beats.append(now)
        elif topic == "status":
            self.status.append((text, now))

    def send(self, cid, command):
        info = self.client.publish(self.base + "cmd", "%s %s" % (cid, command), qos=1)
        info.wait_for_publish(10)

    def wait_for(self, what, cond, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if cond():
                return
            time.sleep(0.02)
        raise Failure("timed out after %ss waiting for %s" % (timeout, what))

    def session(self):
        """Highest session number announced by the agent ('online N')."""
        n = 0
        for text, _ in self.status:
            if text.startswith("online "):
                n = max(n, int(text.split()[1]))
        return n

    def close(self):
        self.client.loop_stop()
        self.client.disconnect()


def check(cond, msg):
    if not cond:
        raise Failure(msg)


def scenario_full(ctl, broker, agent, data):
    ctl.wait_for("the agent to come online", lambda: ctl.session() >= 1, 30)
    print("driver: agent online")

    # -- 50 commands at once: 5 long jobs first, then 45 short ones -----------------------------
    expected = {}
    t_send = time.monotonic()
    for i in range(5):
        expected["L%d" % i] = "ok slept 1"
        ctl.send("L%d" % i, "sleep 1")
    for i in range(45):
        cid = "S%d" % i
        kind = i % 3
        if kind == 0:
            expected[cid] = "ok hello %d" % i
            ctl.send(cid, "echo hello %d" % i)
        elif kind == 1:
            expected[cid] = "ok %d" % (6 * 7 + i)
            ctl.send(cid, "eval 6*7+%d" % i)
        else:
            expected[cid] = "ok stored f%d.txt %d" % (i, len("content %d" % i))
            ctl.send(cid, "upload f%d.txt content %d" % (i, i))
    ctl.wait_for(
        "all 50 results (got %d)" % len(ctl.results),
        lambda: all(k in ctl.results for k in expected),
        60,
    )
    for cid, want in expected.items():
        got = ctl.results[cid][0]
        check(got == want, "result of %s: expected %r, got %r" % (cid, want, got))
    first_long = min(ctl.results["L%d" % i][1] for i in range(5))
    last_long = max(ctl.results["L%d" % i][1] for i in range(5))
    early = sum(1 for i in range(45) if ctl.results["S%d" % i][1] < first_long)
    beats = sum(1 for t in ctl.beats if t_send <= t <= last_long)
    print("driver: 50/50 results; %d/45 short results before the first long one finished" % early)
    print("driver: %d heartbeats while the long jobs ran (%.1fs)" % (beats, last_long - t_send))
    check(early >= 40, "head-of-line blocking: only %d of 45 short commands answered while the long jobs ran" % early)
    check(beats >= 2, "heartbeat stalled: %d heartbeats while the long jobs ran" % beats)
    # the 5 long jobs ran concurrently, not one after another
    check(last_long - t_send < 4.5, "long jobs did not run concurrently (%.1fs for 5 x 1s)" % (last_long - t_send))

    # -- broker restart ---------------------------------------------------------------------------
    session = ctl.session()
    broker.stop()
    print("driver: broker stopped")
    time.sleep(0.5)
    broker.start()
    print("driver: broker restarted")
    ctl.wait_for("the agent to reconnect", lambda: ctl.session() > session, 30)
    print("driver: agent back online (session %d)" % ctl.session())
    after = {}
    for i in range(20):
        cid = "R%d" % i
        after[cid] = "ok back %d" % i
        ctl.send(cid, "echo back %d" % i)
    ctl.wait_for(
        "the 20 results after the restart",
        lambda: all(k in ctl.results for k in after),
        30,
    )
    for cid, want in after.items():
        check(ctl.results[cid][0] == want, "result of %s after restart: %r" % (cid, ctl.results[cid][0]))
    print("driver: 20/20 results after the broker restart")

    # -- heartbeat still alive, then quit --------------------------------------------------------
    n = len(ctl.beats)
    ctl.wait_for("heartbeats after the restart", lambda: len(ctl.beats) >= n + 2, 20)
    ctl.send("Q", "quit")
    ctl.wait_for("the answer to quit", lambda: "Q" in ctl.results, 20)
    try:
        rc = agent.wait(20)
    except subprocess.TimeoutExpired:
        raise Failure("the agent did not exit within 20s after quit")
    check(rc == 0, "the agent exited with status %d" % rc)
    print("driver: agent exited cleanly after quit")

    for i in range(2, 45, 3):
        path = os.path.join(data, "files", "f%d.txt" % i)
        check(os.path.exists(path), "uploaded file missing: " + path)
        with open(path) as f:
            check(f.read() == "content %d" % i, "uploaded file has wrong content: " + path)
    left = os.listdir(os.path.join(data, "staging"))
    check(not left, "staging folder not empty: %r" % left)
    print("driver: 15 uploaded files swapped into place")


def wait_quiet(ctl, quiet, limit):
    """Waits until no result has arrived for `quiet` seconds (at most `limit` seconds)."""
    deadline = time.monotonic() + limit
    seen = len(ctl.order)
    last = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if len(ctl.order) != seen:
            seen = len(ctl.order)
            last = time.monotonic()
        elif time.monotonic() - last >= quiet:
            return


def scenario_chaos(ctl, broker, agent, data, seed, workers=8):
    rng = random.Random(seed)
    ctl.wait_for("the agent to come online", lambda: ctl.session() >= 1, 30)
    print("driver: agent online; chaos seed %d" % seed)
    expected = {}
    sent = 0
    for rnd in range(4):
        # Every worker busy: what arrives now waits in the inbox.
        for w in range(workers):
            cid = "C%dL%d" % (rnd, w)
            expected[cid] = "ok slept 1.5"
            ctl.send(cid, "sleep 1.5")
        n = rng.randint(150, 300)
        kill_at = rng.randrange(n) if rng.random() < 0.75 else -1
        for i in range(n):
            cid = "C%dS%d" % (rnd, i)
            if rng.random() < 0.8:
                text = "x" * rng.randint(0, 180)
                expected[cid] = "ok " + text
                ctl.send(cid, "echo " + text)
            else:
                a = rng.randint(0, 999)
                expected[cid] = "ok %d" % (a * 3)
                ctl.send(cid, "eval %d*3" % a)
            if i == kill_at:
                broker.kill()
                ctl.wait_for("the driver to see the broker go", lambda: not ctl.connected, 10)
                time.sleep(rng.uniform(0.05, 0.8))
                broker.start()
                ctl.wait_for("the driver to reconnect", lambda: ctl.connected, 15)
        sent += workers + n
        wait_quiet(ctl, 2.0, 40)
        print("driver: round %d: %d commands%s, %d answers so far"
              % (rnd + 1, workers + n, ", broker killed at %d" % kill_at if kill_at >= 0 else "", len(ctl.results)))
    for cid, (got, _) in ctl.results.items():
        check(cid in expected, "answer to a command never sent: %s %r" % (cid, got))
        check(got == expected[cid], "result of %s: expected %r, got %r" % (cid, expected[cid], got))
    print("driver: %d of %d commands answered, every answer right" % (len(ctl.results), sent))

    # The agent must still work: one command at a time, each answered.
    ctl.wait_for("the agent to be online", lambda: ctl.session() >= 1, 30)
    for i in range(20):
        cid = "F%d" % i
        ctl.send(cid, "echo after %d" % i)
        ctl.wait_for("the answer to %s after the chaos" % cid, lambda: cid in ctl.results, 15)
        check(ctl.results[cid][0] == "ok after %d" % i, "result of %s: %r" % (cid, ctl.results[cid][0]))
    print("driver: 20/20 answers after the chaos")
    ctl.send("ST", "stats")
    ctl.wait_for("the answer to stats", lambda: "ST" in ctl.results, 15)
    stats = ctl.results["ST"][0]
    check(" dropped=" in stats, "stats does not count dropped commands: %r" % stats)
    print("driver: stats: %s" % stats)
    ctl.send("Q", "quit")
    ctl.wait_for("the answer to quit", lambda: "Q" in ctl.results, 20)
    try:
        rc = agent.wait(20)
    except subprocess.TimeoutExpired:
        raise Failure("the agent did not exit within 20s after quit")
    check(rc == 0, "the agent exited with status %d" % rc)
    print("driver: agent exited cleanly after quit")


def scenario_demo(ctl, broker, agent, data):
    ctl.wait_for("the agent to come online", lambda: ctl.session() >= 1, 30)
    print("demo: agent online")
    script = [
        ("1", "echo hello from the controller"),
        ("2", "eval sum(range(10))"),
        ("3", "upload config.txt interval=5"),
        ("4", "sleep 1"),
        ("5", "echo answered while the sleep runs"),
        ("6", "stats"),
    ]
    for cid, cmd in script:
        print("demo: -> %s %s" % (cid, cmd))
        ctl.send(cid, cmd)
    ctl.wait_for("the results", lambda: all(c in ctl.results for c, _ in script), 30)
    for cid in ctl.order:
        print("demo: <- %s %s" % (cid, ctl.results[cid][0]))
    print("demo: heartbeats seen: %d" % len(ctl.beats))
    ctl.send("7", "quit")
    ctl.wait_for("the answer to quit", lambda: "7" in ctl.results, 20)
    print("demo: <- 7 %s" % ctl.results["7"][0])
    rc = agent.wait(20)
    print("demo: agent exited with status %d" % rc)
    check(rc == 0, "the agent exited with status %d" % rc)


def tail(path, n=40):
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-n:])
    except OSError:
        return "(no log)\n"


def main(argv):
    opts = {
        "--scenario": "full",
        "--seed": "1",
        "--data": None,
        "--cwd": None,
        "--mosquitto": None,
        "--heartbeat": "0.2",
    }
    if "--" not in argv:
        sys.exit(__doc__)
    sep = argv.index("--")
    own, cmd = argv[1:sep], argv[sep + 1:]
    while own:
        k = own.pop(0)
        if k not in opts or not own:
            sys.exit("driver: bad option %s\n%s" % (k, __doc__))
        opts[k] = own.pop(0)
    if not cmd:
        sys.exit("driver: no agent command given")
    work = tempfile.mkdtemp(prefix="agent-driver-")
    data = opts["--data"] or os.path.join(work, "data")
    port = free_port()
    agent_id = "a%d" % os.getpid()
    broker = Broker(find_mosquitto(opts["--mosquitto"]), port, work)
    agent_log = os.path.join(work, "agent.log")
    agent = None
    ctl = None
    ok = False
    try:
        broker.start()
        print("driver: mosquitto on 127.0.0.1:%d" % port)
        env = dict(os.environ)
        env.update(
            AGENT_BROKER="127.0.0.1:%d" % port,
            AGENT_ID=agent_id,
            AGENT_DATA=data,
            AGENT_HEARTBEAT=opts["--heartbeat"],
            PYTHONUNBUFFERED="1",
        )
        with open(agent_log, "wb") as logf:
            agent = subprocess.Popen(cmd, cwd=opts["--cwd"], env=env, stdout=logf, stderr=subprocess.STDOUT)
        ctl = Controller(port, agent_id)
        if opts["--scenario"] == "demo":
            scenario_demo(ctl, broker, agent, data)
        elif opts["--scenario"] == "chaos":
            scenario_chaos(ctl, broker, agent, data, int(opts["--seed"]))
        else:
            scenario_full(ctl, broker, agent, data)
        if opts["--scenario"] != "demo":
            # A thread of the agent that died of an exception prints a traceback.
            with open(agent_log, errors="replace") as f:
                log_text = f.read()
            check("Traceback" not in log_text, "the agent printed a traceback (a thread died)")
        ok = True
    except Failure as e:
        print("driver: FAIL: %s" % e)
    finally:
        if ctl is not None:
            ctl.close()
        if agent is not None and agent.poll() is None:
            agent.send_signal(signal.SIGTERM)
            try:
                agent.wait(5)
            except subprocess.TimeoutExpired:
                agent.kill()
                agent.wait()
        broker.stop()
    if not ok or opts["--scenario"] == "demo":
        print("---- agent output (%s) ----" % " ".join(cmd))
        sys.stdout.write(tail(agent_log))
    if not ok:
        print("---- mosquitto log ----")
        sys.stdout.write(tail(broker.log, 15))
    else:
        shutil.rmtree(work, ignore_errors=True)
    print("driver: %s" % ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
