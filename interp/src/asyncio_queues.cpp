// asyncio.Queue, PriorityQueue, LifoQueue as Python objects (CPython
// Lib/asyncio/queues.py) over the runtime's queues, holding Python values; PriorityQueue
// orders with Python's `<`.
#include <memory>

#include "looplab/py/abstract.hpp"
#include "looplab/py/interp.hpp"

namespace looplab::py {
// The queue's repr shows its items: the runtime asks for repr_value(item) (found by ADL).
inline std::string repr_value(const Value& v) { return repr(Interp::current(), v); }
}  // namespace looplab::py

#include "asyncio_bridge.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/queue.hpp"

namespace looplab::py {

namespace {

struct PyLess {
    bool operator()(const Value& a, const Value& b) const { return less(Interp::current(), a, b); }
};

// One Python type per queue class; the object holds the matching runtime queue.
struct QueueObject : OpaqueObject {
    enum class Which { fifo, priority, lifo } which;
    std::unique_ptr<Queue<Value>> fifo;
    std::unique_ptr<PriorityQueue<Value, PyLess>> prio;
    std::unique_ptr<LifoQueue<Value>> lifo;
    QueueObject(Type* t, Which w, int64_t maxsize) : OpaqueObject(t), which(w) {
        switch (w) {
            case Which::fifo: fifo = std::make_unique<Queue<Value>>(maxsize); break;
            case Which::priority: prio = std::make_unique<PriorityQueue<Value, PyLess>>(maxsize); break;
            case Which::lifo: lifo = std::make_unique<LifoQueue<Value>>(maxsize); break;
        }
    }
    template <class F>
    decltype(auto) visit(F&& f) {
        switch (which) {
            case Which::fifo: return f(*fifo);
            case Which::priority: return f(*prio);
            default: return f(*lifo);
        }
    }
};

Type *g_queue, *g_prio, *g_lifo;

// The trace's queue_items event, after each put/get while tracing: the items' reprs in the
// queue's storage order (FIFO order, heap order, stack bottom first: what printing the queue
// shows), so the GUI's inspector lists a queue's contents at any past moment. The trace's
// counts alone cannot say which items those are. At most kTracedItems reprs; the size is exact.
constexpr size_t kTracedItems = 100;
void trace_items(QueueObject& q) {
    Interp& in = Interp::current();
    Runtime& rt = in.runtime();
    if (!rt.tracer()) return;
    q.visit([&](auto& queue) {
        std::string all;
        size_t n = 0;
        for (const Value& v : queue.items()) {
            if (n++ == kTracedItems) break;
            try {
                all += repr(in, v);
            } catch (const PyErrorBase&) {
                all += "<repr failed>";
            }
            all += '\x1f';
        }
        rt.emit(EventKind::queue_items, queue.id(), uint32_t(queue.qsize()), rt.intern(all));
    });
}

QueueObject& self_q(const CallArgs& a) {
    auto* q = a.nargs ? dynamic_cast<QueueObject*>(a[0].obj()) : nullptr;
    if (!q) raise_type_error("descriptor requires a 'Queue' object");
    return *q;
}

Value make_queue(Interp& in, const CallArgs& a, QueueObject::Which w, Type* t, const char* name) {
    check_args(a, name, 0, 1, {"maxsize"});
    Value m = a.nargs ? a[0] : a.kw("maxsize");
    int64_t maxsize = m.is_undefined() ? 0 : to_int(in, m, "maxsize");
    return Value(new QueueObject(t, w, maxsize));
}
Value queue_new(Interp& in, const CallArgs& a) { return make_queue(in, a, QueueObject::Which::fifo, g_queue, "Queue"); }
Value prio_new(Interp& in, const CallArgs& a) { return make_queue(in, a, QueueObject::Which::priority, g_prio, "PriorityQueue"); }
Value lifo_new(Interp& in, const CallArgs& a) { return make_queue(in, a, QueueObject::Which::lifo, g_lifo, "LifoQueue"); }

Coroutine<Value> put_body(Value self, Value item) {
    auto* q = static_cast<QueueObject*>(self.obj());
    switch (q->which) {
        case QueueObject::Which::fifo: co_await q->fifo->put(std::move(item)); break;
        case QueueObject::Which::priority: co_await q->prio->put(std::move(item)); break;
        case QueueObject::Which::lifo: co_await q->lifo->put(std::move(item)); break;
    }
    trace_items(*q);
    co_return Value::none();
}
Coroutine<Value> get_body(Value self) {
    auto* q = static_cast<QueueObject*>(self.obj());
    Value v;
    switch (q->which) {
        case QueueObject::Which::fifo: v = co_await q->fifo->get(); break;
        case QueueObject::Which::priority: v = co_await q->prio->get(); break;
        case QueueObject::Which::lifo: v = co_await q->lifo->get(); break;
    }
    trace_items(*q);
    co_return v;
}
Coroutine<Value> join_body(Value self) {
    auto* q = static_cast<QueueObject*>(self.obj());
    switch (q->which) {
        case QueueObject::Which::fifo: co_await q->fifo->join(); break;
        case QueueObject::Which::priority: co_await q->prio->join(); break;
        case QueueObject::Which::lifo: co_await q->lifo->join(); break;
    }
    co_return Value::none();
}

Value q_put(Interp&, const CallArgs& a) {
    check_args(a, "put", 2, 2);
    self_q(a);
    return make_native_coroutine(put_body(a[0], a[1]), "Queue.put");
}
Value q_get(Interp&, const CallArgs& a) {
    check_args(a, "get", 1, 1);
    self_q(a);
    return make_native_coroutine(get_body(a[0]), "Queue.get");
}
Value q_join(Interp&, const CallArgs& a) {
    self_q(a);
    return make_native_coroutine(join_body(a[0]), "Queue.join");
}
Value q_put_nowait(Interp&, const CallArgs& a) {
    check_args(a, "put_nowait", 2, 2);
    Value item = a[1];
    self_q(a).visit([&](auto& q) { q.put_nowait(item); });
    trace_items(self_q(a));
    return Value::none();
}
Value q_get_nowait(Interp&, const CallArgs& a) {
    Value item = self_q(a).visit([&](auto& q) -> Value { return q.get_nowait(); });
    trace_items(self_q(a));
    return item;
}
Value q_task_done(Interp&, const CallArgs& a) {
    self_q(a).visit([&](auto& q) { q.task_done(); });
    return Value::none();
}
Value q_qsize(Interp&, const CallArgs& a) {
    return Value::integer(int64_t(self_q(a).visit([&](auto& q) { return q.qsize(); })));
}
Value q_empty(Interp&, const CallArgs& a) { return Value::boolean(self_q(a).visit([&](auto& q) { return q.empty(); })); }
Value q_full(Interp&, const CallArgs& a) { return Value::boolean(self_q(a).visit([&](auto& q) { return q.full(); })); }
Value q_repr(Interp&, const CallArgs& a) {
    std::string r = self_q(a).visit([&](auto& q) { return q.repr(); });
    // The runtime prints `<Queue at 0x… …>`: use this object's address.
    size_t at = r.find(" at 0x");
    if (at != std::string::npos) {
        size_t end = r.find(' ', at + 4);
        r = r.substr(0, at) + " at " + address_of(a[0]) + (end == std::string::npos ? ">" : r.substr(end));
    }
    return make_str(r);
}
Value q_getattr(Interp&, const CallArgs& a) {
    auto* q = dynamic_cast<QueueObject*>(a[0].obj());
    if (!q || !is_str(a[1])) return {};
    const std::string& n = a[1].as<Str>()->s;
    if (n == "maxsize") return Value::integer(q->visit([](auto& x) { return x.maxsize(); }));
    if (n == "_unfinished_tasks") return Value::integer(int64_t(q->visit([](auto& x) { return x.unfinished_tasks(); })));
    return {};
}

Type* make_type(const char* name, NativeFn construct, Type* base = nullptr) {
    Type* t = new Type(name, Kind::opaque, base ? base : types().object);
    t->add_ref();
    t->type = types().type;
    t->dict->type = types().dict;
    t->module = "asyncio.queues";
    t->construct = construct;
    return t;
}

}  // namespace

void install_asyncio_queues(Interp&, Module& m) {
    if (!g_queue) {
        g_queue = make_type("Queue", queue_new);
        g_queue->add_method("put", q_put);
        g_queue->add_method("get", q_get);
        g_queue->add_method("join", q_join);
        g_queue->add_method("put_nowait", q_put_nowait);
        g_queue->add_method("get_nowait", q_get_nowait);
        g_queue->add_method("task_done", q_task_done);
        g_queue->add_method("qsize", q_qsize);
        g_queue->add_method("empty", q_empty);
        g_queue->add_method("full", q_full);
        g_queue->add_method("__repr__", q_repr);
        g_queue->getattr_hook = q_getattr;
        g_prio = make_type("PriorityQueue", prio_new, g_queue);
        g_lifo = make_type("LifoQueue", lifo_new, g_queue);
    }
    m.dict->set_str("Queue", Value(g_queue));
    m.dict->set_str("PriorityQueue", Value(g_prio));
    m.dict->set_str("LifoQueue", Value(g_lifo));
}

}  // namespace looplab::py
