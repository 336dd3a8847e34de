// The `os` and `os.path` modules (CPython Lib/os.py, Lib/posixpath.py) for what scenarios
// use. A run touches no real system: the process id is fixed, cpu_count() is the simulated
// machine's (SPEC 3: sim.CORES, as tools/looplab_cpython patches it), the environment is a
// small fixed dict, and no file exists.
#include "native_args.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

using argbind::bind_args;
using argbind::Sig;

// The scenario's process id. CPython shows the real pid (the runner does not patch it);
// LoopLab's processes are deterministic (SPEC 3), the main one is 4242.
constexpr int64_t kMainPid = 4242;

Value os_getpid(Interp&, const CallArgs& a) {
    bind_args(a, 0, "getpid", "getpid", Sig::noargs, 0, 0, nullptr);
    return Value::integer(kMainPid);
}
Value os_getppid(Interp&, const CallArgs& a) {
    bind_args(a, 0, "getppid", "getppid", Sig::noargs, 0, 0, nullptr);
    return Value::integer(kMainPid - 1);
}
// looplab_cpython._install_cpu_count: getattr(sys.modules.get('sim'), 'CORES', 4).
Value os_cpu_count(Interp& in, const CallArgs& a) {
    bind_args(a, 0, "cpu_count", "cpu_count", Sig::noargs, 0, 0, nullptr);
    Value sim = in.sys_modules()->get_str("sim");
    if (sim.is_object() && sim.type()->kind == Kind::module) {
        Value cores = sim.as<Module>()->dict->get_str("CORES");
        if (!cores.is_undefined()) return cores;
    }
    return Value::integer(4);
}
Value os_getenv(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "getenv", "getenv", Sig::clinic, 1, 2, v, {"key", "default"});
    if (!is_str(v[0])) raise_type_error("str expected, not " + type_name(v[0]));
    Value env = in.import_module("os").as<Module>()->dict->get_str("environ");
    Value r = env.is_object() ? as_dict(env)->get(in, v[0]) : Value();
    if (!r.is_undefined()) return r;
    return v[1].is_undefined() ? Value::none() : v[1];
}
Value os_getcwd(Interp& in, const CallArgs& a) {
    bind_args(a, 0, "getcwd", "getcwd", Sig::noargs, 0, 0, nullptr);
    Value f = in.main_module()->dict->get_str("__file__");
    std::string file = is_str(f) ? f.as<Str>()->s : "/";
    size_t slash = file.rfind('/');
    return make_str(slash == std::string::npos || slash == 0 ? "/" : file.substr(0, slash));
}

// ---- os.path (posixpath) ------------------------------------------------------------------
const std::string& path_arg(const Value& v, const char* fname) {
    if (!is_str(v)) raise_type_error(std::string("expected str, bytes or os.PathLike object, not ") + type_name(v));
    (void)fname;
    return v.as<Str>()->s;
}

Value path_join(Interp&, const CallArgs& a) {
    check_args(a, "join", 1, SIZE_MAX);
    std::string path = path_arg(a[0], "join");
    for (size_t i = 1; i < a.nargs; ++i) {
        const std::string& b = path_arg(a[i], "join");
        if (!b.empty() && b[0] == '/') path = b;
        else if (path.empty() || path.back() == '/') path += b;
        else path += "/" + b;
    }
    return make_str(path);
}
Value path_basename(Interp&, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "basename", "basename", Sig::checkpos, 1, 1, v);
    const std::string& p = path_arg(v[0], "basename");
    return make_str(p.substr(p.rfind('/') == std::string::npos ? 0 : p.rfind('/') + 1));
}
// posixpath.split: head keeps its slashes only when it is all slashes.
std::pair<std::string, std::string> split_path(const std::string& p) {
    size_t i = p.rfind('/') == std::string::npos ? 0 : p.rfind('/') + 1;
    std::string head = p.substr(0, i), tail = p.substr(i);
    if (!head.empty() && head.find_first_not_of('/') != std::string::npos) {
        while (!head.empty() && head.back() == '/') head.pop_back();
    }
    return {head, tail};
}
Value path_dirname(Interp&, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "dirname", "dirname", Sig::checkpos, 1, 1, v);
    return make_str(split_path(path_arg(v[0], "dirname")).first);
}
Value path_split(Interp&, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "split", "split", Sig::checkpos, 1, 1, v);
    auto [h, t] = split_path(path_arg(v[0], "split"));
    return make_tuple({make_str(h), make_str(t)});
}
// genericpath._splitext: a leading dot of the file name is not an extension.
Value path_splitext(Interp&, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "splitext", "splitext", Sig::checkpos, 1, 1, v);
    const std::string& p = path_arg(v[0], "splitext");
    size_t sep = p.rfind('/');
    size_t dot = p.rfind('.');
    size_t name_start = sep == std::string::npos ? 0 : sep + 1;
    if (dot != std::string::npos && dot > name_start) {
        size_t f = name_start;
        while (f < dot && p[f] == '.') ++f;
        if (f < dot) return make_tuple({make_str(p.substr(0, dot)), make_str(p.substr(dot))});
    }
    return make_tuple({make_str(p), make_str("")});
}
// posixpath.normpath
std::string normpath(const std::string& path) {
    if (path.empty()) return ".";
    int initial = 0;
    if (path[0] == '/') initial = (path.size() > 1 && path[1] == '/' && (path.size() == 2 || path[2] != '/')) ? 2 : 1;
    std::vector<std::string> comps;
    size_t s = 0;
    while (s <= path.size()) {
        size_t e = path.find('/', s);
        if (e == std::string::npos) e = path.size();
        std::string c = path.substr(s, e - s);
        s = e + 1;
        if (c.empty() || c == ".") continue;
        if (c != ".." || (!initial && comps.empty()) || (!comps.empty() && comps.back() == "..")) comps.push_back(c);
        else if (!comps.empty()) comps.pop_back();
    }
    std::string out(size_t(initial), '/');
    for (size_t i = 0; i < comps.size(); ++i) out += (i ? "/" : "") + comps[i];
    return out.empty() ? "." : out;
}
Value path_normpath(Interp&, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "normpath", "normpath", Sig::checkpos, 1, 1, v);
    return make_str(normpath(path_arg(v[0], "normpath")));
}
Value path_abspath(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "abspath", "abspath", Sig::checkpos, 1, 1, v);
    std::string p = path_arg(v[0], "abspath");
    if (p.empty() || p[0] != '/') p = os_getcwd(in, CallArgs{}).as<Str>()->s + "/" + p;
    return make_str(normpath(p));
}
Value path_isabs(Interp&, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "isabs", "isabs", Sig::checkpos, 1, 1, v);
    const std::string& p = path_arg(v[0], "isabs");
    return Value::boolean(!p.empty() && p[0] == '/');
}
// No file exists in a simulated run.
Value path_false(Interp&, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "exists", "exists", Sig::checkpos, 1, 1, v);
    return Value::boolean(false);
}

}  // namespace

void init_os_path(Interp& in, Module& m) {
    (void)in;
    def(m, "join", path_join);
    def(m, "basename", path_basename);
    def(m, "dirname", path_dirname);
    def(m, "split", path_split);
    def(m, "splitext", path_splitext);
    def(m, "normpath", path_normpath);
    def(m, "abspath", path_abspath);
    def(m, "isabs", path_isabs);
    def(m, "exists", path_false);
    def(m, "isfile", path_false);
    def(m, "isdir", path_false);
    m.dict->set_str("sep", make_str("/"));
}

void init_os(Interp& in, Module& m) {
    def(m, "getpid", os_getpid);
    def(m, "getppid", os_getppid);
    def(m, "cpu_count", os_cpu_count);
    def(m, "getenv", os_getenv);
    def(m, "getcwd", os_getcwd);
    Value env(new Dict());
    const char* const vars[][2] = {{"HOME", "/home/looplab"}, {"LANG", "C.UTF-8"},
                                   {"PATH", "/usr/local/bin:/usr/bin:/bin"}, {"PYTHONHASHSEED", "0"},
                                   {"TZ", "UTC"}, {"USER", "looplab"}};
    for (auto& kv : vars) as_dict(env)->set_str(kv[0], make_str(kv[1]));
    m.dict->set_str("environ", env);
    m.dict->set_str("name", make_str("posix"));
    m.dict->set_str("sep", make_str("/"));
    m.dict->set_str("altsep", Value::none());
    m.dict->set_str("extsep", make_str("."));
    m.dict->set_str("pathsep", make_str(":"));
    m.dict->set_str("linesep", make_str("\n"));
    m.dict->set_str("curdir", make_str("."));
    m.dict->set_str("pardir", make_str(".."));
    m.dict->set_str("devnull", make_str("/dev/null"));
    m.dict->set_str("path", in.import_module("os.path"));
}

}  // namespace looplab::py::stdlib
