# Default thread names "Thread-N (target)": the counter is global and counts only unnamed threads.
# Exercises: names for function targets, lambdas, closures and bound methods, a Thread subclass
# without a name ("Thread-N" with no suffix), Timer names, explicit names not consuming a number,
# non-string names converted with str(), renaming through the attribute, a thread created inside
# another thread (creation order is made deterministic by join()).
import threading


def work():
    pass


class Job(threading.Thread):
    def run(self):
        pass


class Service:
    def serve(self):
        pass


def make_closure():
    def inner():
        pass
    return inner


def creator(out):
    t = threading.Thread(target=work)
    out.append(t.name)
    t.start()
    t.join()


names = []
names.append(threading.Thread(target=work).name)
names.append(threading.Thread(target=lambda: None).name)
names.append(threading.Thread(target=work, name="named").name)
names.append(Job().name)
names.append(threading.Timer(1.0, work).name)
names.append(threading.Thread(target=make_closure()).name)
names.append(threading.Thread(target=Service().serve).name)
names.append(threading.Thread(name=42).name)
names.append(threading.Thread().name)
for n in names:
    print(n)

out = []
c = threading.Thread(target=creator, args=(out,))
c.start()
c.join()
print(c.name, "created", out[0])

r = threading.Thread(target=work)
print("before rename:", r.name)
r.name = "renamed"
r.start()
r.join()
print("after rename:", r.name)
print("next:", threading.Thread(target=work).name)
