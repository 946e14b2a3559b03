# Agent settings from argv and the environment.
#   main.py [HOST [PORT]]            broker address (default 127.0.0.1 1883)
#   AGENT_BROKER=host[:port]         same, from the environment (argv wins)
#   AGENT_ID=name                    topics are agent/<name>/{cmd,result,hb,status}
#   AGENT_DATA=dir                   where `upload` stores files (dir/files, staging in dir/staging)
#   AGENT_WORKERS=n                  size of the worker pool
#   AGENT_INBOX=n                    commands that may wait for a worker (more are dropped)
#   AGENT_HEARTBEAT=seconds          heartbeat period
import os


def _env(name, default):
    get = getattr(os, "getenv", None)
    v = get(name) if get else None
    return v if v else default


class Config:
    def __init__(self, argv):
        host = "127.0.0.1"
        port = 1883
        broker = _env("AGENT_BROKER", "")
        if broker:
            if ":" in broker:
                host, p = broker.rsplit(":", 1)
                port = int(p)
            else:
                host = broker
        args = argv[1:]
        if args:
            host = args[0]
        if len(args) > 1:
            port = int(args[1])
        self.host = host
        self.port = port
        self.name = _env("AGENT_ID", "dev1")
        self.data = _env("AGENT_DATA", "agent-data")
        self.workers = int(_env("AGENT_WORKERS", "8"))
        self.inbox = int(_env("AGENT_INBOX", "64"))
        self.heartbeat = float(_env("AGENT_HEARTBEAT", "1.0"))
        base = "agent/" + self.name + "/"
        self.t_cmd = base + "cmd"
        self.t_result = base + "result"
        self.t_hb = base + "hb"
        self.t_status = base + "status"
