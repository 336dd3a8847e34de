// The simulated `requests` and `requests.exceptions` (SPEC 3; docs/world.md "requests";
// reference tools/world/requests/). requests.get blocks the calling thread for the URL's
// latency: on the loop's thread the whole loop is frozen, nothing is awaited, no future or
// timer is made. Messages are the real requests/urllib3 ones.
#include "looplab/py/dict.hpp"
#include "world_modules.hpp"

namespace looplab::py::world {

namespace {

Type *g_request_exception, *g_http_error, *g_connection_error, *g_timeout, *g_connect_timeout, *g_read_timeout,
    *g_missing_schema, *g_invalid_schema, *g_invalid_url, *g_response;

Value get(Interp& in, const Value& obj, const char* name) { return getattr(in, obj, intern(name)); }

// ---- requests.exceptions ------------------------------------------------------------------
// RequestException.__init__(*args, **kwargs): takes `response` and `request` out of the
// keywords, then OSError.__init__ refuses any other keyword (exceptions.c: "<type>() takes
// no keyword arguments").
Value request_exception_init(Interp& in, const CallArgs& a) {
    auto* e = static_cast<ExceptionObject*>(a[0].obj());
    Value response = Value::none(), request = Value::none();
    bool other = false;
    for (size_t k = 0; k < a.nkw; ++k) {
        const std::string& n = a.kwnames[k]->s;
        if (n == "response")
            response = a.kwvalues[k];
        else if (n == "request")
            request = a.kwvalues[k];
        else
            other = true;
    }
    e->dict->set_str("response", response);
    e->dict->set_str("request", request);
    if (!response.is_none() && !truthy(in, request) && hasattr(in, response, intern("request")))
        e->dict->set_str("request", get(in, response, "request"));
    if (other) raise_type_error(e->type->name + "() takes no keyword arguments");
    // super().__init__(*args): OSError_init parses (errno, strerror, filename...) as usual.
    oserror_init(*e, a.args + 1, a.nargs - 1);
    return Value::none();
}

void make_exception_types() {
    const char* mod = "requests.exceptions";
    const ExceptionTypes& x = exc_types();
    g_request_exception = make_exception_class("RequestException", mod, {x.OSError});  // IOError is OSError
    add_function(g_request_exception, "__init__", request_exception_init);
    g_http_error = make_exception_class("HTTPError", mod, {g_request_exception});
    g_connection_error = make_exception_class("ConnectionError", mod, {g_request_exception});
    g_timeout = make_exception_class("Timeout", mod, {g_request_exception});
    g_connect_timeout = make_exception_class("ConnectTimeout", mod, {g_connection_error, g_timeout});
    g_read_timeout = make_exception_class("ReadTimeout", mod, {g_timeout});
    g_missing_schema = make_exception_class("MissingSchema", mod, {g_request_exception, x.ValueError});
    g_invalid_schema = make_exception_class("InvalidSchema", mod, {g_request_exception, x.ValueError});
    g_invalid_url = make_exception_class("InvalidURL", mod, {g_request_exception, x.ValueError});
}

void set_exception_classes(Dict& d) {
    d.set_str("RequestException", Value(g_request_exception));
    d.set_str("HTTPError", Value(g_http_error));
    d.set_str("ConnectionError", Value(g_connection_error));
    d.set_str("Timeout", Value(g_timeout));
    d.set_str("ConnectTimeout", Value(g_connect_timeout));
    d.set_str("ReadTimeout", Value(g_read_timeout));
    d.set_str("MissingSchema", Value(g_missing_schema));
    d.set_str("InvalidSchema", Value(g_invalid_schema));
    d.set_str("InvalidURL", Value(g_invalid_url));
}

[[noreturn]] void raise_new(Interp& in, Type* cls, std::string message) {
    Value e = call(in, Value(cls), std::vector<Value>{make_str(std::move(message))});
    throw_exception(Ref<ExceptionObject>(e.as<ExceptionObject>()));
}

// ---- Response (requests.models) ----------------------------------------------------------------
const Params kResponseInit{"Response.__init__", {"url", "status_code"}, 2, 2, true};

Value response_init(Interp&, const CallArgs& a) {
    Value v[2];
    bind_method(kResponseInit, a, v);
    Dict& d = *static_cast<Instance*>(a[0].obj())->dict;
    d.set_str("url", v[0]);
    d.set_str("status_code", v[1]);
    d.set_str("reason", make_str(v[1].is_int() ? reason_phrase(v[1].as_int()) : ""));
    d.set_str("text", make_str(kBody));
    return Value::none();
}
Value response_repr(Interp& in, const CallArgs& a) {
    return make_str("<Response [" + format(in, get(in, a[0], "status_code"), "") + "]>");
}
Value response_ok(Interp& in, const CallArgs& a) {
    return Value::boolean(less(in, get(in, a[0], "status_code"), Value::integer(400)));
}
Value response_bool(Interp& in, const CallArgs& a) { return get(in, a[0], "ok"); }
Value response_raise_for_status(Interp& in, const CallArgs& a) {
    Value code = get(in, a[0], "status_code");
    auto below = [&](int64_t n) { return less(in, code, Value::integer(n)); };
    const char* kind;
    if (!below(400) && below(500))
        kind = "Client Error";
    else if (!below(500) && below(600))
        kind = "Server Error";
    else
        return Value::none();
    std::string msg = format(in, code, "") + " " + kind + ": " + format(in, get(in, a[0], "reason"), "") +
                      " for url: " + format(in, get(in, a[0], "url"), "");
    Value e = call_kw(in, Value(g_http_error), {make_str(msg)}, {{"response", a[0]}});
    throw_exception(Ref<ExceptionObject>(e.as<ExceptionObject>()));
}

// ---- get -----------------------------------------------------------------------------------------
// urllib3.util.Timeout._validate_timeout: None, or a number > 0 (not a bool).
Value timeout_value(Interp& in, const char* name, const Value& v) {
    if (v.is_none()) return v;
    if (v.is_bool()) raise_value_error("Timeout cannot be a boolean value. It must be an int, float or None.");
    if (!v.is_int() && !v.is_float())
        raise_value_error(std::string("Timeout value ") + name + " was " + str(in, v) +
                          ", but it must be an int, float or None.");
    if (number(v) <= 0)
        raise_value_error(std::string("Attempted to set ") + name + " timeout to " + str(in, v) +
                          ", but the timeout cannot be set to a value less than or equal to 0.");
    return v;
}

// The read timeout of get(url, timeout=...): a number (connect and read), a (connect, read)
// tuple, or None; connect is checked first.
Value read_timeout(Interp& in, const Value& timeout) {
    Value connect = timeout, read = timeout;
    if (timeout.is_object() && timeout.type()->is_subtype(types().tuple)) {
        auto& items = timeout.as<Tuple>()->items;
        if (items.size() != 2)
            raise_value_error(
                "Invalid timeout " + str(in, timeout) +
                ". Pass a (connect, read) timeout tuple, or a single float to set both timeouts to the same value.");
        connect = items[0];
        read = items[1];
    }
    timeout_value(in, "connect", connect);
    return timeout_value(in, "read", read);
}

const Params kGet{"get", {"url", "timeout"}, 1, 1, false};

Value requests_get(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_call(kGet, a, v);
    Value url = str_value(in, v[0]);  // requests' PreparedRequest.prepare_url: str(url)
    const std::string& u = url.as<Str>()->s;
    std::optional<UrlParts> parts = split_url(in, u);
    if (!parts) {
        std::string r = repr(in, url);
        std::string lower = u.substr(0, 8);
        for (char& c : lower)
            if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0)
            raise_new(in, g_invalid_url, "Invalid URL " + r + ": No host supplied");
        if (u.find(':') != std::string::npos)
            raise_new(in, g_invalid_schema, "No connection adapters were found for " + r);
        raise_new(in, g_missing_schema,
                  "Invalid URL " + r + ": No scheme supplied. Perhaps you meant https://" + u + "?");
    }
    Value read = read_timeout(in, or_none(v[1]));
    Value latency = latency_for(in, u);
    Value status = status_for(in, u);
    if (!read.is_none() && truthy(in, compare(in, latency, read, ast::CmpOp::Gt))) {
        block(in, number(read));
        const char* pool = parts->scheme == "https" ? "HTTPSConnectionPool" : "HTTPConnectionPool";
        raise_new(in, g_read_timeout,
                  std::string(pool) + "(host=" + repr(in, make_str(parts->host)) + ", port=" + parts->port +
                      "): Read timed out. (read timeout=" + str(in, read) + ")");
    }
    block(in, to_float(in, latency, "latency"));
    return call(in, Value(g_response), std::vector<Value>{url, status});
}

void make_response_type() {
    g_response = make_class("Response", "requests.models");
    add_function(g_response, "__init__", response_init);
    add_function(g_response, "__repr__", response_repr);
    add_function(g_response, "__bool__", response_bool);
    add_property(g_response, "ok", response_ok);
    add_function(g_response, "raise_for_status", response_raise_for_status);
}

}  // namespace

void init_requests_exceptions_module(Interp&, Module& m) {
    if (!g_request_exception) make_exception_types();
    set_exception_classes(*m.dict);
}

void init_requests_module(Interp& in, Module& m) {
    if (!g_response) make_response_type();
    Dict& d = *m.dict;
    d.set_str("sim", in.import_module("sim"));
    // `from . import exceptions`: sets requests.exceptions too.
    in.import_module("requests.exceptions");
    set_exception_classes(d);
    d.set_str("Response", Value(g_response));
    d.set_str("get", make_function("get", "get", requests_get));
    const char* names[] = {"get",         "Response",        "exceptions",    "RequestException",
                           "HTTPError",   "ConnectionError", "Timeout",       "ConnectTimeout",
                           "ReadTimeout", "MissingSchema",   "InvalidSchema", "InvalidURL"};
    std::vector<Value> all;
    for (const char* n : names) all.push_back(make_str(n));
    d.set_str("__all__", make_tuple(std::move(all)));
}

}  // namespace looplab::py::world
