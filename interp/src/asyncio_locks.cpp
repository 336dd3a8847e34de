// asyncio.Lock, Event, Condition, Semaphore, BoundedSemaphore as Python objects
// (CPython Lib/asyncio/locks.py) over the runtime's primitives. acquire()/wait() return
// coroutines that complete without suspending when uncontended, as CPython's do.
#include <memory>

#include "asyncio_bridge.hpp"
#include "looplab/condition.hpp"
#include "looplab/event.hpp"
#include "looplab/lock.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/semaphore.hpp"

namespace looplab::py {

namespace {

struct LockObject : OpaqueObject {
    explicit LockObject(Type* t) : OpaqueObject(t) {}
    Lock lock;
};
struct EventObject : OpaqueObject {
    explicit EventObject(Type* t) : OpaqueObject(t) {}
    Event event;
};
struct ConditionObject : OpaqueObject {
    ConditionObject(Type* t, Value lock_obj)
        : OpaqueObject(t), lock_value(std::move(lock_obj)), cond(static_cast<LockObject*>(lock_value.obj())->lock) {}
    Value lock_value;  // keeps the Lock alive
    Condition cond;
};
struct SemaphoreObject : OpaqueObject {
    SemaphoreObject(Type* t, std::unique_ptr<Semaphore> s) : OpaqueObject(t), sem(std::move(s)) {}
    std::unique_ptr<Semaphore> sem;
};

Type *g_lock, *g_event, *g_condition, *g_semaphore, *g_bounded;

template <class T>
T& self_as(const CallArgs& a, const char* what) {
    auto* p = a.nargs ? dynamic_cast<T*>(a[0].obj()) : nullptr;
    if (!p) raise_type_error(std::string("descriptor requires a '") + what + "' object");
    return *p;
}

std::string head(const Value& self, const char* cls) {
    return "<asyncio.locks." + std::string(cls) + " object at " + address_of(self) + " [";
}
std::string tail(const std::string& repr) {
    // The runtime's repr is `<asyncio.locks.Lock object at 0x… [unlocked]>`: keep the bracket.
    size_t b = repr.rfind(" [");
    return b == std::string::npos ? "]>" : repr.substr(b + 2);
}

// ---- Lock ----
Value lock_new(Interp&, const CallArgs& a) {
    check_args(a, "Lock", 0, 0);
    return Value(new LockObject(g_lock));
}
Coroutine<Value> lock_acquire_body(Value self) {
    co_await static_cast<LockObject*>(self.obj())->lock.acquire();
    co_return Value::boolean(true);
}
Value lock_acquire(Interp&, const CallArgs& a) {
    self_as<LockObject>(a, "Lock");
    return make_native_coroutine(lock_acquire_body(a[0]), "Lock.acquire");
}
Value lock_release(Interp&, const CallArgs& a) {
    self_as<LockObject>(a, "Lock").lock.release();
    return Value::none();
}
Value lock_locked(Interp&, const CallArgs& a) { return Value::boolean(self_as<LockObject>(a, "Lock").lock.locked()); }
Coroutine<Value> lock_aenter_body(Value self) {
    co_await static_cast<LockObject*>(self.obj())->lock.acquire();
    co_return Value::none();
}
Value lock_aenter(Interp&, const CallArgs& a) {
    self_as<LockObject>(a, "Lock");
    return make_native_coroutine(lock_aenter_body(a[0]), "Lock.__aenter__");
}
Coroutine<Value> lock_aexit_body(Value self) {
    static_cast<LockObject*>(self.obj())->lock.release();
    co_return Value::none();
}
Value lock_aexit(Interp&, const CallArgs& a) {
    self_as<LockObject>(a, "Lock");
    return make_native_coroutine(lock_aexit_body(a[0]), "Lock.__aexit__");
}
Value lock_repr(Interp&, const CallArgs& a) {
    auto& l = self_as<LockObject>(a, "Lock");
    return make_str(head(a[0], "Lock") + tail(l.lock.repr()));
}

// ---- Event ----
Value event_new(Interp&, const CallArgs& a) {
    check_args(a, "Event", 0, 0);
    return Value(new EventObject(g_event));
}
Coroutine<Value> event_wait_body(Value self) {
    co_await static_cast<EventObject*>(self.obj())->event.wait();
    co_return Value::boolean(true);
}
Value event_wait(Interp&, const CallArgs& a) {
    self_as<EventObject>(a, "Event");
    return make_native_coroutine(event_wait_body(a[0]), "Event.wait");
}
Value event_set(Interp&, const CallArgs& a) {
    self_as<EventObject>(a, "Event").event.set();
    return Value::none();
}
Value event_clear(Interp&, const CallArgs& a) {
    self_as<EventObject>(a, "Event").event.clear();
    return Value::none();
}
Value event_is_set(Interp&, const CallArgs& a) { return Value::boolean(self_as<EventObject>(a, "Event").event.is_set()); }
Value event_repr(Interp&, const CallArgs& a) {
    return make_str(head(a[0], "Event") + tail(self_as<EventObject>(a, "Event").event.repr()));
}

// ---- Condition ----
Value condition_new(Interp& in, const CallArgs& a) {
    check_args(a, "Condition", 0, 1, {"lock"});
    Value lock = a.nargs ? a[0] : a.kw("lock");
    if (lock.is_undefined() || lock.is_none()) lock = Value(new LockObject(g_lock));
    else if (!dynamic_cast<LockObject*>(lock.obj())) raise_type_error("Condition() lock must be an asyncio.Lock, not " + type_name(lock));
    (void)in;
    return Value(new ConditionObject(g_condition, lock));
}
ConditionObject& cond_of(const CallArgs& a) { return self_as<ConditionObject>(a, "Condition"); }
Coroutine<Value> cond_acquire_body(Value self) {
    co_await static_cast<LockObject*>(static_cast<ConditionObject*>(self.obj())->lock_value.obj())->lock.acquire();
    co_return Value::boolean(true);
}
Value cond_acquire(Interp&, const CallArgs& a) {
    cond_of(a);
    return make_native_coroutine(cond_acquire_body(a[0]), "Lock.acquire");
}
Value cond_release(Interp&, const CallArgs& a) {
    cond_of(a).cond.release();
    return Value::none();
}
Value cond_locked(Interp&, const CallArgs& a) { return Value::boolean(cond_of(a).cond.locked()); }
Coroutine<Value> cond_aenter_body(Value self) {
    co_await static_cast<LockObject*>(static_cast<ConditionObject*>(self.obj())->lock_value.obj())->lock.acquire();
    co_return Value::none();
}
Value cond_aenter(Interp&, const CallArgs& a) {
    cond_of(a);
    return make_native_coroutine(cond_aenter_body(a[0]), "Condition.__aenter__");
}
Coroutine<Value> cond_aexit_body(Value self) {
    static_cast<ConditionObject*>(self.obj())->cond.release();
    co_return Value::none();
}
Value cond_aexit(Interp&, const CallArgs& a) {
    cond_of(a);
    return make_native_coroutine(cond_aexit_body(a[0]), "Condition.__aexit__");
}
Coroutine<Value> cond_wait_body(Value self) {
    bool r = co_await static_cast<ConditionObject*>(self.obj())->cond.wait();
    co_return Value::boolean(r);
}
Value cond_wait(Interp&, const CallArgs& a) {
    cond_of(a);
    return make_native_coroutine(cond_wait_body(a[0]), "Condition.wait");
}
Coroutine<Value> cond_wait_for_body(Value self, Value pred) {
    Interp* in = &Interp::current();
    Value last;
    std::function<bool()> p = [in, pred, &last]() {
        last = call(*in, pred, std::vector<Value>{});
        return truthy(*in, last);
    };
    co_await static_cast<ConditionObject*>(self.obj())->cond.wait_for(p);
    co_return last;
}
Value cond_wait_for(Interp&, const CallArgs& a) {
    check_args(a, "wait_for", 2, 2);
    cond_of(a);
    return make_native_coroutine(cond_wait_for_body(a[0], a[1]), "Condition.wait_for");
}
Value cond_notify(Interp& in, const CallArgs& a) {
    check_args(a, "notify", 1, 2, {"n"});
    Value n = a.nargs > 1 ? a[1] : a.kw("n");
    cond_of(a).cond.notify(n.is_undefined() ? 1 : size_t(std::max<int64_t>(0, to_int(in, n, "n"))));
    return Value::none();
}
Value cond_notify_all(Interp&, const CallArgs& a) {
    cond_of(a).cond.notify_all();
    return Value::none();
}
Value cond_repr(Interp&, const CallArgs& a) {
    return make_str(head(a[0], "Condition") + tail(cond_of(a).cond.repr()));
}

// ---- Semaphore / BoundedSemaphore ----
Value semaphore_make(Interp& in, const CallArgs& a, bool bounded) {
    check_args(a, bounded ? "BoundedSemaphore" : "Semaphore", 0, 1, {"value"});
    Value v = a.nargs ? a[0] : a.kw("value");
    int64_t value = v.is_undefined() ? 1 : to_int(in, v, "value");
    std::unique_ptr<Semaphore> s;
    if (bounded) s = std::make_unique<BoundedSemaphore>(value);
    else s = std::make_unique<Semaphore>(value);
    return Value(new SemaphoreObject(bounded ? g_bounded : g_semaphore, std::move(s)));
}
Value semaphore_new(Interp& in, const CallArgs& a) { return semaphore_make(in, a, false); }
Value bounded_new(Interp& in, const CallArgs& a) { return semaphore_make(in, a, true); }
SemaphoreObject& sem_of(const CallArgs& a) { return self_as<SemaphoreObject>(a, "Semaphore"); }
Coroutine<Value> sem_acquire_body(Value self, Value result) {
    co_await static_cast<SemaphoreObject*>(self.obj())->sem->acquire();
    co_return result;
}
Value sem_acquire(Interp&, const CallArgs& a) {
    sem_of(a);
    return make_native_coroutine(sem_acquire_body(a[0], Value::boolean(true)), "Semaphore.acquire");
}
Value sem_aenter(Interp&, const CallArgs& a) {
    sem_of(a);
    return make_native_coroutine(sem_acquire_body(a[0], Value::none()), "Semaphore.__aenter__");
}
Value sem_release(Interp&, const CallArgs& a) {
    sem_of(a).sem->release();
    return Value::none();
}
Coroutine<Value> sem_aexit_body(Value self) {
    static_cast<SemaphoreObject*>(self.obj())->sem->release();
    co_return Value::none();
}
Value sem_aexit(Interp&, const CallArgs& a) {
    sem_of(a);
    return make_native_coroutine(sem_aexit_body(a[0]), "Semaphore.__aexit__");
}
Value sem_locked(Interp&, const CallArgs& a) { return Value::boolean(sem_of(a).sem->locked()); }
Value sem_repr(Interp&, const CallArgs& a) {
    bool bounded = a[0].type()->is_subtype(g_bounded);
    return make_str(head(a[0], bounded ? "BoundedSemaphore" : "Semaphore") + tail(sem_of(a).sem->repr()));
}
Value sem_getattr(Interp&, const CallArgs& a) {
    auto* s = dynamic_cast<SemaphoreObject*>(a[0].obj());
    if (s && is_str(a[1]) && a[1].as<Str>()->s == "_value") return Value::integer(s->sem->value());
    return {};
}

Type* make_type(const char* name, NativeFn construct, Type* base = nullptr) {
    Type* t = new Type(name, Kind::opaque, base ? base : types().object);
    t->add_ref();
    t->type = types().type;
    t->dict->type = types().dict;
    t->module = "asyncio.locks";
    t->construct = construct;
    return t;
}

}  // namespace

void install_asyncio_locks(Interp&, Module& m) {
    if (!g_lock) {
        g_lock = make_type("Lock", lock_new);
        g_lock->add_method("acquire", lock_acquire);
        g_lock->add_method("release", lock_release);
        g_lock->add_method("locked", lock_locked);
        g_lock->add_method("__aenter__", lock_aenter);
        g_lock->add_method("__aexit__", lock_aexit);
        g_lock->add_method("__repr__", lock_repr);
        g_event = make_type("Event", event_new);
        g_event->add_method("wait", event_wait);
        g_event->add_method("set", event_set);
        g_event->add_method("clear", event_clear);
        g_event->add_method("is_set", event_is_set);
        g_event->add_method("__repr__", event_repr);
        g_condition = make_type("Condition", condition_new);
        g_condition->add_method("acquire", cond_acquire);
        g_condition->add_method("release", cond_release);
        g_condition->add_method("locked", cond_locked);
        g_condition->add_method("__aenter__", cond_aenter);
        g_condition->add_method("__aexit__", cond_aexit);
        g_condition->add_method("wait", cond_wait);
        g_condition->add_method("wait_for", cond_wait_for);
        g_condition->add_method("notify", cond_notify);
        g_condition->add_method("notify_all", cond_notify_all);
        g_condition->add_method("__repr__", cond_repr);
        g_semaphore = make_type("Semaphore", semaphore_new);
        g_semaphore->add_method("acquire", sem_acquire);
        g_semaphore->add_method("release", sem_release);
        g_semaphore->add_method("locked", sem_locked);
        g_semaphore->add_method("__aenter__", sem_aenter);
        g_semaphore->add_method("__aexit__", sem_aexit);
        g_semaphore->add_method("__repr__", sem_repr);
        g_semaphore->getattr_hook = sem_getattr;
        g_bounded = make_type("BoundedSemaphore", bounded_new, g_semaphore);
    }
    m.dict->set_str("Lock", Value(g_lock));
    m.dict->set_str("Event", Value(g_event));
    m.dict->set_str("Condition", Value(g_condition));
    m.dict->set_str("Semaphore", Value(g_semaphore));
    m.dict->set_str("BoundedSemaphore", Value(g_bounded));
}

}  // namespace looplab::py
