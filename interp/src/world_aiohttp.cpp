// The simulated `aiohttp` (SPEC 3; docs/world.md "aiohttp"; reference tools/world/aiohttp.py).
// A request is ClientSession._request: checks, then at most one Semaphore.acquire() (the
// connector's limit) and exactly one asyncio.sleep() (the network) -- the same runtime
// awaitables asyncio.Semaphore and asyncio.sleep use, so a scenario's steps, futures and
// timers are those of the reference. No task and no callback of its own.
#include <memory>

#include "asyncio_bridge.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/semaphore.hpp"
#include "looplab/sleep.hpp"
#include "vm_ops.hpp"
#include "world_modules.hpp"

namespace looplab::py::world {

namespace {

Type *g_client_error, *g_response_error, *g_invalid_url;
Type *g_timeout, *g_connector, *g_request_info, *g_response, *g_rcm, *g_session;

Value get(Interp& in, const Value& obj, const char* name) { return getattr(in, obj, intern(name)); }
Dict& dict_of(const Value& self) { return *static_cast<Instance*>(self.obj())->dict; }

// ---- exceptions (aiohttp/client_exceptions.py) ------------------------------------------
const Params kResponseErrorInit{
    "ClientResponseError.__init__", {"request_info", "history", "status", "message", "headers"}, 2, 2, true};

Value response_error_init(Interp&, const CallArgs& a) {
    Value v[5];
    bind_method(kResponseErrorInit, a, v);
    auto* e = static_cast<ExceptionObject*>(a[0].obj());
    e->dict->set_str("request_info", v[0]);
    e->dict->set_str("status", v[2].is_undefined() || v[2].is_none() ? Value::integer(0) : v[2]);
    e->dict->set_str("message", v[3].is_undefined() ? make_str("") : v[3]);
    e->dict->set_str("headers", or_none(v[4]));
    e->dict->set_str("history", v[1]);
    e->args = make_tuple({v[0], v[1]});
    return Value::none();
}
Value response_error_str(Interp& in, const CallArgs& a) {
    Value real = get(in, get(in, a[0], "request_info"), "real_url");
    return make_str(str(in, get(in, a[0], "status")) + ", message=" + repr(in, get(in, a[0], "message")) +
                    ", url=" + repr(in, str_value(in, real)));
}
Value response_error_repr(Interp& in, const CallArgs& a) {
    std::string args = repr(in, get(in, a[0], "request_info")) + ", " + repr(in, get(in, a[0], "history"));
    Value status = get(in, a[0], "status"), message = get(in, a[0], "message"), headers = get(in, a[0], "headers");
    if (!eq(in, status, Value::integer(0))) args += ", status=" + repr(in, status);
    if (!eq(in, message, make_str(""))) args += ", message=" + repr(in, message);
    if (!headers.is_none()) args += ", headers=" + repr(in, headers);
    return make_str(a[0].type()->name + "(" + args + ")");
}

const Params kInvalidUrlInit{"InvalidURL.__init__", {"url", "description"}, 2, 1, true};

Value invalid_url_init(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_method(kInvalidUrlInit, a, v);
    auto* e = static_cast<ExceptionObject*>(a[0].obj());
    Value description = or_none(v[1]);
    e->dict->set_str("_url", v[0]);
    e->dict->set_str("_description", description);
    e->args = truthy(in, description) ? make_tuple({v[0], description}) : make_tuple({v[0]});
    return Value::none();
}
Value invalid_url_url(Interp& in, const CallArgs& a) { return get(in, a[0], "_url"); }
Value invalid_url_description(Interp& in, const CallArgs& a) { return get(in, a[0], "_description"); }
Value invalid_url_str(Interp& in, const CallArgs& a) {
    Value url = get(in, a[0], "_url"), description = get(in, a[0], "_description");
    if (truthy(in, description)) return make_str(format(in, url, "") + " - " + format(in, description, ""));
    return str_value(in, url);
}
Value invalid_url_repr(Interp& in, const CallArgs& a) {
    return make_str("<" + a[0].type()->name + " " + format(in, a[0], "") + ">");
}

// ---- ClientTimeout, TCPConnector ----------------------------------------------------------
Value optional_seconds(Interp& in, const char* name, const Value& v) {
    if (v.is_undefined() || v.is_none()) return Value::none();
    return check_seconds(in, "ClientTimeout", name, v);
}

const Params kTimeoutInit{"ClientTimeout.__init__", {"total", "connect"}, 2, 0, true};

Value timeout_init(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_method(kTimeoutInit, a, v);
    Value total = optional_seconds(in, "total", v[0]);
    dict_of(a[0]).set_str("total", total);
    dict_of(a[0]).set_str("connect", optional_seconds(in, "connect", v[1]));
    return Value::none();
}
Value timeout_repr(Interp& in, const CallArgs& a) {
    return make_str("ClientTimeout(total=" + repr(in, get(in, a[0], "total")) +
                    ", connect=" + repr(in, get(in, a[0], "connect")) + ")");
}

// TCPConnector keeps its slots in a runtime Semaphore: asyncio.Semaphore(limit) of
// CPython 3.11.2, unchanged. limit == 0: no semaphore, no limit (aiohttp's rule).
struct ConnectorObject : OpaqueObject {
    ConnectorObject(Type* t, int64_t l) : OpaqueObject(t), limit(l) {
        if (l) sem = std::make_unique<Semaphore>(l);
    }
    int64_t limit;
    std::unique_ptr<Semaphore> sem;
};

const Params kConnectorInit{"TCPConnector.__init__", {"limit"}, 0, 0, true};

Value connector_new(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_call(kConnectorInit, a, v);
    Value limit = v[0].is_undefined() ? Value::integer(100) : v[0];
    if (!limit.is_int()) raise_type_error("TCPConnector(): limit must be an int, not '" + type_name(limit) + "'");
    if (limit.as_int() < 0) raise_value_error("TCPConnector(): limit must be >= 0, got " + repr(in, limit));
    return Value(new ConnectorObject(g_connector, limit.as_int()));
}
Value connector_limit(Interp&, const CallArgs& a) {
    auto* c = dynamic_cast<ConnectorObject*>(a[0].obj());
    if (!c) raise_type_error("descriptor 'limit' requires a 'TCPConnector' object");
    return Value::integer(c->limit);
}

// ---- responses ------------------------------------------------------------------------------
const Params kRequestInfoInit{"RequestInfo.__init__", {"url", "method", "real_url"}, 3, 3, true};

Value request_info_init(Interp&, const CallArgs& a) {
    Value v[3];
    bind_method(kRequestInfoInit, a, v);
    dict_of(a[0]).set_str("url", v[0]);
    dict_of(a[0]).set_str("method", v[1]);
    dict_of(a[0]).set_str("real_url", v[2]);
    return Value::none();
}
Value request_info_repr(Interp& in, const CallArgs& a) {
    return make_str("RequestInfo(url=" + repr(in, get(in, a[0], "url")) + ", method=" +
                    repr(in, get(in, a[0], "method")) + ", real_url=" + repr(in, get(in, a[0], "real_url")) + ")");
}

Value reason_of(const Value& status) { return make_str(status.is_int() ? reason_phrase(status.as_int()) : ""); }
Value new_response(const Value& url, const Value& status) {
    return new_instance(g_response,
                        {{"method", make_str("GET")}, {"url", url}, {"status", status}, {"reason", reason_of(status)}});
}

const Params kResponseInit{"ClientResponse.__init__", {"url", "status"}, 2, 2, true};
const Params kText{"ClientResponse.text", {"encoding"}, 1, 0, true};
const Params kNoArgs{"", {}, 0, 0, true};

Value response_init(Interp&, const CallArgs& a) {
    Value v[2];
    bind_method(kResponseInit, a, v);
    Dict& d = dict_of(a[0]);
    d.set_str("method", make_str("GET"));
    d.set_str("url", v[0]);
    d.set_str("status", v[1]);
    d.set_str("reason", reason_of(v[1]));
    return Value::none();
}
Value response_ok(Interp& in, const CallArgs& a) {
    return Value::boolean(less(in, get(in, a[0], "status"), Value::integer(400)));
}
Value response_text(Interp&, const CallArgs& a) {
    Value v[1];
    bind_method(kText, a, v);
    return ready_coroutine(make_str(kBody), "ClientResponse.text");
}
Value response_release(Interp&, const CallArgs& a) {
    Params p = kNoArgs;
    p.qualname = "ClientResponse.release";
    bind_method(p, a, nullptr);
    return Value::none();
}
Value response_raise_for_status(Interp& in, const CallArgs& a) {
    Params p = kNoArgs;
    p.qualname = "ClientResponse.raise_for_status";
    bind_method(p, a, nullptr);
    Value status = get(in, a[0], "status");
    if (less(in, status, Value::integer(400))) return Value::none();
    Value url = get(in, a[0], "url");
    Value info = call(in, Value(g_request_info), std::vector<Value>{url, get(in, a[0], "method"), url});
    Value e = call_kw(in, Value(g_response_error), {info, make_tuple({})},
                      {{"status", status}, {"message", get(in, a[0], "reason")}, {"headers", Value::none()}});
    throw_exception(Ref<ExceptionObject>(e.as<ExceptionObject>()));
}

// ---- _RequestContextManager -------------------------------------------------------------------
// What session.get() returns: the _request coroutine itself, seen as aiohttp's wrapper. It
// is a NativeCoroutine, so await, create_task and gather take it; its type adds the async
// context manager. A task made from it shows `<_RequestContextManager without __name__>()`
// (coroutines._format_coroutine of an object without __qualname__); left unawaited, the
// wrapped coroutine warns under its own name.
struct RequestCoroutine : NativeCoroutine {
    explicit RequestCoroutine(Coroutine<Value> body)
        : NativeCoroutine(std::move(body), "<_RequestContextManager without __name__>") {
        type = g_rcm;
    }
    ~RequestCoroutine() override {
        if (!started && !awaited) {
            awaited = true;
            warn_never_awaited("ClientSession._request", 0);
        }
    }
};

// `__aenter__`: `self._resp = await self._coro; return self._resp` -- awaiting the
// request itself is the same steps. `__aexit__`: resp.release() does nothing.
Value rcm_aenter(Interp&, const CallArgs& a) { return a[0]; }
Value rcm_aexit(Interp&, const CallArgs&) { return ready_coroutine(Value::none(), "_RequestContextManager.__aexit__"); }
Value rcm_repr(Interp&, const CallArgs& a) {
    return make_str("<aiohttp.client._RequestContextManager object at " + address_of(a[0]) + ">");
}

// ---- ClientSession ---------------------------------------------------------------------------------
const Params kSessionInit{"ClientSession.__init__", {"timeout", "connector"}, 0, 0, true};
const Params kGet{"ClientSession.get", {"url", "timeout"}, 1, 1, true};

Value session_init(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_method(kSessionInit, a, v);
    Value timeout = or_none(v[0]), connector = or_none(v[1]);
    if (!timeout.is_none() && !timeout.type()->is_subtype(g_timeout))
        raise_value_error("timeout parameter cannot be of " + repr(in, Value(timeout.type())) +
                          " type, please use 'timeout=ClientTimeout(...)'");
    if (!connector.is_none() && !connector.type()->is_subtype(g_connector))
        raise_type_error("ClientSession(): connector must be a TCPConnector, not '" + type_name(connector) + "'");
    Dict& d = dict_of(a[0]);
    d.set_str("_timeout", timeout);
    d.set_str("_connector", connector.is_none() ? Value(new ConnectorObject(g_connector, 100)) : connector);
    d.set_str("_closed", Value::boolean(false));
    return Value::none();
}
Value session_closed(Interp& in, const CallArgs& a) { return get(in, a[0], "_closed"); }
Value session_timeout(Interp& in, const CallArgs& a) { return get(in, a[0], "_timeout"); }
Value session_connector(Interp& in, const CallArgs& a) { return get(in, a[0], "_connector"); }

// What _request decided before its first await.
struct Plan {
    Value connector;  // keeps the semaphore alive
    Semaphore* sem = nullptr;
    double latency = 0;
    double total = 0;
    bool times_out = false;  // `total and latency > total`: sleep(total), then TimeoutError
    Value status;
};

// _request's checks, in the reference's order, before anything is awaited.
Plan plan_request(Interp& in, const Value& session, const Value& url, Value timeout) {
    if (truthy(in, get(in, session, "_closed"))) raise(exc_types().RuntimeError, "Session is closed");
    if (!is_str(url)) raise_type_error("url must be a str, not '" + type_name(url) + "'");
    const std::string& u = url.as<Str>()->s;
    if (!split_url(in, u)) {
        Value e = call(in, Value(g_invalid_url), std::vector<Value>{url});
        throw_exception(Ref<ExceptionObject>(e.as<ExceptionObject>()));
    }
    if (timeout.is_none()) {
        timeout = get(in, session, "_timeout");
    } else if (timeout.is_int() || timeout.is_float()) {
        timeout = call_kw(in, Value(g_timeout), {}, {{"total", timeout}});
    } else if (!timeout.type()->is_subtype(g_timeout)) {
        raise_type_error("timeout must be a ClientTimeout or a number, not '" + type_name(timeout) + "'");
    }
    Value total = timeout.is_none() ? Value::none() : get(in, timeout, "total");
    Value latency = latency_for(in, u);
    Plan p;
    p.status = status_for(in, u);
    p.latency = to_float(in, latency, "latency");
    if (truthy(in, total) && truthy(in, compare(in, latency, total, ast::CmpOp::Gt))) {
        p.total = to_float(in, total, "total");
        p.times_out = true;
    }
    p.connector = get(in, session, "_connector");
    auto* c = dynamic_cast<ConnectorObject*>(p.connector.obj());
    if (!c)
        get(in, p.connector, "_sem");  // AttributeError, as the reference's self._connector._sem
    else
        p.sem = c->sem.get();
    return p;
}

Coroutine<Value> request_body(Value session, Value url, Value timeout) {
    Plan p = plan_request(Interp::current(), session, url, std::move(timeout));
    if (p.sem) co_await p.sem->acquire();  // suspends only when `limit` are in flight
    std::exception_ptr error;
    try {
        if (p.times_out)
            co_await looplab::sleep(p.total);
        else
            co_await looplab::sleep(p.latency);
    } catch (...) {
        error = std::current_exception();
    }
    if (p.sem) p.sem->release();  // the `finally`: wakes the first waiter, if any
    if (error) std::rethrow_exception(error);
    if (p.times_out) throw_exception(new_exception_args(exc_types().TimeoutError, {}));
    co_return new_response(url, p.status);
}

Value session_get(Interp&, const CallArgs& a) {
    Value v[2];
    bind_method(kGet, a, v);
    return Value(new RequestCoroutine(request_body(a[0], v[0], or_none(v[1]))));
}

Coroutine<Value> close_body(Value session) {
    setattr(Interp::current(), session, intern("_closed"), Value::boolean(true));
    co_return Value::none();
}
Value session_close(Interp&, const CallArgs& a) {
    Params p = kNoArgs;
    p.qualname = "ClientSession.close";
    bind_method(p, a, nullptr);
    return make_native_coroutine(close_body(a[0]), "ClientSession.close");
}
Value session_aenter(Interp&, const CallArgs& a) { return ready_coroutine(a[0], "ClientSession.__aenter__"); }
Value session_aexit(Interp&, const CallArgs& a) {
    return make_native_coroutine(close_body(a[0]), "ClientSession.__aexit__");
}

void make_types() {
    const ExceptionTypes& x = exc_types();
    g_client_error = make_exception_class("ClientError", "aiohttp.client_exceptions", {x.Exception});
    g_response_error = make_exception_class("ClientResponseError", "aiohttp.client_exceptions", {g_client_error});
    add_function(g_response_error, "__init__", response_error_init);
    add_function(g_response_error, "__str__", response_error_str);
    add_function(g_response_error, "__repr__", response_error_repr);
    g_invalid_url = make_exception_class("InvalidURL", "aiohttp.client_exceptions", {g_client_error, x.ValueError});
    add_function(g_invalid_url, "__init__", invalid_url_init);
    add_function(g_invalid_url, "__str__", invalid_url_str);
    add_function(g_invalid_url, "__repr__", invalid_url_repr);
    add_property(g_invalid_url, "url", invalid_url_url);
    add_property(g_invalid_url, "description", invalid_url_description);

    g_timeout = make_class("ClientTimeout", "aiohttp.client");
    add_function(g_timeout, "__init__", timeout_init);
    add_function(g_timeout, "__repr__", timeout_repr);
    g_connector = make_class("TCPConnector", "aiohttp.connector", Kind::opaque);
    g_connector->construct = connector_new;
    add_property(g_connector, "limit", connector_limit);

    g_request_info = make_class("RequestInfo", "aiohttp.client_reqrep");
    add_function(g_request_info, "__init__", request_info_init);
    add_function(g_request_info, "__repr__", request_info_repr);
    g_response = make_class("ClientResponse", "aiohttp.client_reqrep");
    add_function(g_response, "__init__", response_init);
    add_property(g_response, "ok", response_ok);
    add_function(g_response, "text", response_text);
    add_function(g_response, "release", response_release);
    add_function(g_response, "raise_for_status", response_raise_for_status);

    g_rcm = make_class("_RequestContextManager", "aiohttp.client", Kind::opaque, native_coroutine_type());
    add_function(g_rcm, "__aenter__", rcm_aenter);
    add_function(g_rcm, "__aexit__", rcm_aexit);
    add_function(g_rcm, "__repr__", rcm_repr);

    g_session = make_class("ClientSession", "aiohttp.client");
    add_function(g_session, "__init__", session_init);
    add_property(g_session, "closed", session_closed);
    add_property(g_session, "timeout", session_timeout);
    add_property(g_session, "connector", session_connector);
    add_function(g_session, "get", session_get);
    add_function(g_session, "close", session_close);
    add_function(g_session, "__aenter__", session_aenter);
    add_function(g_session, "__aexit__", session_aexit);
}

}  // namespace

void init_aiohttp_module(Interp& in, Module& m) {
    if (!g_session) make_types();
    Dict& d = *m.dict;
    d.set_str("asyncio", in.import_module("asyncio"));
    d.set_str("sim", in.import_module("sim"));
    const char* names[] = {"ClientSession", "ClientTimeout",       "TCPConnector", "ClientResponse",
                           "ClientError",   "ClientResponseError", "InvalidURL",   "RequestInfo"};
    std::vector<Value> all;
    for (const char* n : names) all.push_back(make_str(n));
    d.set_str("__all__", make_tuple(std::move(all)));
    d.set_str("ClientError", Value(g_client_error));
    d.set_str("ClientResponseError", Value(g_response_error));
    d.set_str("InvalidURL", Value(g_invalid_url));
    d.set_str("ClientTimeout", Value(g_timeout));
    d.set_str("TCPConnector", Value(g_connector));
    d.set_str("RequestInfo", Value(g_request_info));
    d.set_str("ClientResponse", Value(g_response));
    d.set_str("_RequestContextManager", Value(g_rcm));
    d.set_str("ClientSession", Value(g_session));
}

}  // namespace looplab::py::world
