// The `sys` module (CPython Python/sysmodule.c) for what scenarios use: the standard
// streams (print(..., file=sys.stderr) calls their write()), exit(), argv, version text,
// the recursion limit, sys.modules and exc_info().
#include "looplab/py/traceback_object.hpp"
#include "looplab/py/vm.hpp"
#include "native_args.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

using argbind::bind_args;
using argbind::Sig;

// ---- the standard streams (_io.TextIOWrapper) ----------------------------------------------
struct TextStream : OpaqueObject {
    TextStream(Type* t, std::string n, std::string m, int fd_) : OpaqueObject(t), name(std::move(n)), mode(std::move(m)), fd(fd_) {}
    std::string name, mode;
    int fd;
};

Type* stream_type();

TextStream& self_stream(const CallArgs& a, const char* method) {
    return *static_cast<TextStream*>(self_of(a, stream_type(), method));
}

Value stream_write(Interp& in, const CallArgs& a) {
    TextStream& s = self_stream(a, "write");
    Value v[1];
    bind_args(a, 1, "write", "write", Sig::checkpos, 1, 1, v);
    if (!is_str(v[0])) raise_type_error("write() argument must be str, not " + type_name(v[0]));
    if (s.fd == 0) raise(exc_types().OSError, "not writable");
    const Str& text = *v[0].as<Str>();
    if (s.fd == 1) in.write_stdout(text.s);
    else in.write_stderr(text.s);
    return Value::integer(int64_t(text.len()));
}
Value stream_flush(Interp&, const CallArgs& a) {
    self_stream(a, "flush");
    return Value::none();
}
Value stream_isatty(Interp&, const CallArgs& a) {
    self_stream(a, "isatty");
    return Value::boolean(false);
}
Value stream_fileno(Interp&, const CallArgs& a) { return Value::integer(self_stream(a, "fileno").fd); }
Value stream_readline(Interp&, const CallArgs& a) {
    self_stream(a, "readline");
    return make_str("");  // a scenario has no input: stdin is at end of file
}
Value stream_repr(Interp&, const CallArgs& a) {
    TextStream& s = self_stream(a, "__repr__");
    return make_str("<_io.TextIOWrapper name='" + s.name + "' mode='" + s.mode + "' encoding='utf-8'>");
}
Value stream_name(Interp&, const CallArgs& a) { return make_str(self_stream(a, "name").name); }
Value stream_mode(Interp&, const CallArgs& a) { return make_str(self_stream(a, "mode").mode); }
Value stream_encoding(Interp&, const CallArgs&) { return make_str("utf-8"); }

Type* stream_type() {
    static Type* t = [] {
        Type* s = make_type("TextIOWrapper", "_io", Kind::opaque);
        s->add_method("write", stream_write);
        s->add_method("flush", stream_flush);
        s->add_method("isatty", stream_isatty);
        s->add_method("fileno", stream_fileno);
        s->add_method("readline", stream_readline);
        s->add_method("read", stream_readline);
        s->add_method("__repr__", stream_repr);
        s->add_attr("name", Value(new Property(make_native("name", stream_name), Value::none())));
        s->add_attr("mode", Value(new Property(make_native("mode", stream_mode), Value::none())));
        s->add_attr("encoding", Value(new Property(make_native("encoding", stream_encoding), Value::none())));
        return s;
    }();
    return t;
}

// ---- sys.version_info (a structseq) -------------------------------------------------------
const char* const kVersionFields[] = {"major", "minor", "micro", "releaselevel", "serial"};
template <int I>
Value version_field(Interp&, const CallArgs& a) {
    return a[0].as<Tuple>()->items[I];
}
Value version_info_repr(Interp& in, const CallArgs& a) {
    auto& items = a[0].as<Tuple>()->items;
    std::string s = "sys.version_info(";
    for (size_t i = 0; i < 5; ++i) s += std::string(i ? ", " : "") + kVersionFields[i] + "=" + repr(in, items[i]);
    return make_str(s + ")");
}
Type* version_info_type() {
    static Type* t = [] {
        Type* v = make_type("version_info", "sys", Kind::tuple, types().tuple);
        v->add_method("__repr__", version_info_repr);
        NativeFn g[] = {version_field<0>, version_field<1>, version_field<2>, version_field<3>, version_field<4>};
        for (int i = 0; i < 5; ++i)
            v->add_attr(kVersionFields[i], Value(new Property(make_native(kVersionFields[i], g[i]), Value::none())));
        return v;
    }();
    return t;
}

// ---- functions ----------------------------------------------------------------------------
// sys.exit(status=None): raise SystemExit(status); SystemExit.code is the status.
Value sys_exit(Interp&, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "exit", "exit", Sig::checkpos, 0, 1, v);
    std::vector<Value> args;
    if (!v[0].is_undefined() && !v[0].is_none()) args.push_back(v[0]);
    auto e = new_exception_args(exc_types().SystemExit, args);
    e->dict->set_str("code", args.empty() ? Value::none() : args[0]);
    throw_exception(e);
}
Value sys_getrecursionlimit(Interp& in, const CallArgs& a) {
    bind_args(a, 0, "getrecursionlimit", "sys.getrecursionlimit", Sig::noargs, 0, 0, nullptr);
    return Value::integer(in.recursion_limit);
}
Value sys_setrecursionlimit(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "setrecursionlimit", "sys.setrecursionlimit", Sig::one, 1, 1, v);
    if (v[0].is_float()) raise_type_error("'float' object cannot be interpreted as an integer");
    int64_t n = argbind::index_arg(in, v[0]);
    if (n < 1) raise_value_error("recursion limit must be greater or equal than 1");
    if (n <= in.depth)
        raise(exc_types().RecursionError, "cannot set the recursion limit to " + std::to_string(n) +
                                              " at the recursion depth " + std::to_string(in.depth) +
                                              ": the limit is too low");
    in.recursion_limit = int(std::min<int64_t>(n, 1 << 30));
    return Value::none();
}
// sys.exc_info(): the exception being handled by the running frame or its callers.
Value sys_exc_info(Interp& in, const CallArgs& a) {
    bind_args(a, 0, "exc_info", "sys.exc_info", Sig::noargs, 0, 0, nullptr);
    const Value e = in.vm().handled_exception();
    if (!e.is_undefined()) return make_tuple({Value(e.type()), e, exception_traceback(*e.as<ExceptionObject>())});
    return make_tuple({Value::none(), Value::none(), Value::none()});
}
Value sys_exception(Interp& in, const CallArgs& a) {
    bind_args(a, 0, "exception", "sys.exception", Sig::noargs, 0, 0, nullptr);
    const Value e = in.vm().handled_exception();
    return e.is_undefined() ? Value::none() : e;
}
Value sys_intern(Interp&, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "intern", "intern", Sig::checkpos, 1, 1, v);
    if (!is_str(v[0])) raise_type_error("intern() argument must be str, not " + type_name(v[0]));
    return v[0];
}

std::string main_file(Interp& in) {
    Module* m = in.main_module();
    Value f = m ? m->dict->get_str("__file__") : Value();
    return is_str(f) ? f.as<Str>()->s : std::string();
}

}  // namespace

void init_sys(Interp& in, Module& m) {
    Dict& d = *m.dict;
    d.set_str("stdout", Value(new TextStream(stream_type(), "<stdout>", "w", 1)));
    d.set_str("stderr", Value(new TextStream(stream_type(), "<stderr>", "w", 2)));
    d.set_str("stdin", Value(new TextStream(stream_type(), "<stdin>", "r", 0)));
    d.set_str("__stdout__", d.get_str("stdout"));
    d.set_str("__stderr__", d.get_str("stderr"));
    d.set_str("__stdin__", d.get_str("stdin"));
    def(m, "exit", sys_exit);
    def(m, "getrecursionlimit", sys_getrecursionlimit);
    def(m, "setrecursionlimit", sys_setrecursionlimit);
    def(m, "exc_info", sys_exc_info);
    def(m, "exception", sys_exception);
    def(m, "intern", sys_intern);
    // The scenario's path (CPython's argv[0] is the path as typed; LoopLab knows the
    // absolute one).
    std::string file = main_file(in);
    d.set_str("argv", make_list({make_str(file)}));
    std::string dir = file.substr(0, file.rfind('/') == std::string::npos ? 0 : file.rfind('/'));
    d.set_str("path", make_list({make_str(dir)}));
    d.set_str("version", make_str("3.11.2 (main, LoopLab) [GCC 12.2.0]"));
    auto* vi = new Tuple({Value::integer(3), Value::integer(11), Value::integer(2), make_str("final"), Value::integer(0)});
    retype(vi, version_info_type());
    d.set_str("version_info", Value(vi));
    d.set_str("hexversion", Value::integer(0x030B02F0));
    d.set_str("platform", make_str("linux"));
    d.set_str("byteorder", make_str("little"));
    d.set_str("maxsize", Value::integer(INT64_MAX));
    d.set_str("executable", make_str("/usr/bin/python3"));
    d.set_str("modules", Value(in.sys_modules()));
}

}  // namespace looplab::py::stdlib
