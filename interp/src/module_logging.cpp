// The `logging` module (CPython Lib/logging/__init__.py). CPython writes it in Python and so
// does LoopLab: the Logger hierarchy, levels, LogRecord, Formatter (%, { and $ styles,
// asctime from the virtual clock as `2024-01-01 00:00:01,500`), Handler/StreamHandler/
// NullHandler, basicConfig and the module-level functions, with CPython's output (the
// default `LEVEL:name:message`, the last-resort handler printing the bare message,
// exc_info tracebacks). The logging calls themselves are natives (see forward()), and a
// native formats tracebacks. Not supported: FileHandler and the other
// handlers writing files or sockets, logging.config; handleError's "Call stack:" part.
#include "looplab/py/vm.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

constexpr const char* kFile = "<looplab:logging>";

// The logging calls (Logger.info(...), logging.info(...)) are natives so that they see the
// calling Python frame directly (the VM's current frame when a native runs): its file, line
// and function (findCaller) and the exception it is handling (exc_info=True). They pass
// both to the Python part, Logger._log_native.
Frame* caller_frame(Interp& in, int64_t stacklevel) {
    Frame* f = in.vm().current_frame();
    while (f && f->code->filename == kFile) f = f->back;
    while (f && stacklevel > 1) {
        Frame* next = f->back;
        if (!next) break;
        f = next;
        if (f->code->filename != kFile) --stacklevel;
    }
    return f;
}
Value caller_tuple(Frame* f) {
    if (!f) return make_tuple({make_str("(unknown file)"), Value::integer(0), make_str("(unknown function)")});
    return make_tuple({make_str(f->code->filename), Value::integer(f->line()), make_str(f->code->name)});
}
// sys.exc_info()[1] as seen from the calling frame.
Value handled_exception(Interp& in) {
    const Value e = in.vm().handled_exception();
    return e.is_undefined() ? Value::none() : e;
}

// self._log_native(level, msg, args, caller, exc, **kwargs) for a call made as
// fname(msg, *args, **kwargs) on `self` (a Logger, or the root logger for the module's
// functions).
Value forward(Interp& in, const Value& self, const Value& level, const CallArgs& a, size_t first,
              const std::string& fname, bool exception) {
    if (a.nargs <= first) raise_type_error(fname + "() missing 1 required positional argument: 'msg'");
    int64_t stacklevel = 1;
    Value sl = a.kw("stacklevel");
    if (sl.is_intlike()) stacklevel = sl.as_int();
    std::vector<Value> args = {level, a[first], make_tuple(std::vector<Value>(a.args + first + 1, a.args + a.nargs)),
                               caller_tuple(caller_frame(in, stacklevel)), handled_exception(in)};
    std::vector<std::pair<std::string, Value>> kwargs;
    bool has_exc_info = false;
    for (size_t k = 0; k < a.nkw; ++k) {
        kwargs.emplace_back(a.kwnames[k]->s, a.kwvalues[k]);
        has_exc_info |= a.kwnames[k]->s == "exc_info";
    }
    if (exception && !has_exc_info) kwargs.emplace_back("exc_info", Value::boolean(true));
    return call_kw(in, getattr(in, self, intern("_log_native")), args, kwargs);
}
Value module_attr(Interp& in, const char* name) {
    return in.import_module("logging").as<Module>()->dict->get_str(name);
}
const char* level_method_name(int level, bool exception) {
    static const char* const names[] = {"debug", "info", "warning", "error", "critical"};
    return exception ? "exception" : names[level / 10 - 1];
}
template <int Level, bool Exception>
Value logger_level_method(Interp& in, const CallArgs& a) {
    std::string n = std::string("Logger.") + level_method_name(Level, Exception);
    if (a.nargs == 0) raise_type_error(n + "() needs a Logger");
    return forward(in, a[0], Value::integer(Level), a, 1, n, Exception);
}
Value logger_log(Interp& in, const CallArgs& a) {
    if (a.nargs < 2) raise_type_error("Logger.log() missing 2 required positional arguments: 'level' and 'msg'");
    if (!a[1].is_intlike()) {
        if (truthy(in, module_attr(in, "raiseExceptions"))) raise_type_error("level must be an integer");
        return Value::none();
    }
    return forward(in, a[0], a[1], a, 2, "Logger.log", false);
}
// logging.info(...) and friends: basicConfig() first when the root logger has no handler.
Value root_logger(Interp& in) {
    Value root = module_attr(in, "root");
    if (len(in, getattr(in, root, intern("handlers"))) == 0) call(in, module_attr(in, "basicConfig"), std::vector<Value>{});
    return root;
}
template <int Level, bool Exception>
Value module_level_function(Interp& in, const CallArgs& a) {
    Value root = root_logger(in);
    return forward(in, root, Value::integer(Level), a, 0, level_method_name(Level, Exception), Exception);
}
Value module_log(Interp& in, const CallArgs& a) {
    if (a.nargs < 2) raise_type_error("log() missing 2 required positional arguments: 'level' and 'msg'");
    Value root = root_logger(in);
    if (!a[0].is_intlike()) {
        if (truthy(in, module_attr(in, "raiseExceptions"))) raise_type_error("level must be an integer");
        return Value::none();
    }
    return forward(in, root, a[0], a, 1, "log", false);
}

// _format_exception(exc): traceback.print_exception's text, without the final newline.
Value logging_format_exception(Interp& in, const CallArgs& a) {
    if (a.nargs != 1) raise_type_error("_format_exception(exc)");
    if (!a[0].is_object() || a[0].type()->kind != Kind::exception) return make_str("NoneType: None");
    std::string s = in.format_exception(Ref<ExceptionObject>(a[0].as<ExceptionObject>()));
    if (!s.empty() && s.back() == '\n') s.pop_back();
    return make_str(s);
}

const char* const kSource = R"PY(
class PlaceHolder(object):
    def __init__(self, alogger):
        self.loggerMap = { alogger : None }

    def append(self, alogger):
        if alogger not in self.loggerMap:
            self.loggerMap[alogger] = None

class Manager(object):
    def __init__(self, rootnode):
        self.root = rootnode
        self.disable = 0
        self.emittedNoHandlerWarning = False
        self.loggerDict = {}
        self.loggerClass = None
        self.logRecordFactory = None

    def getLogger(self, name):
        rv = None
        if not isinstance(name, str):
            raise TypeError('A logger name must be a string')
        if name in self.loggerDict:
            rv = self.loggerDict[name]
            if isinstance(rv, PlaceHolder):
                ph = rv
                rv = (self.loggerClass or _loggerClass)(name)
                rv.manager = self
                self.loggerDict[name] = rv
                self._fixupChildren(ph, rv)
                self._fixupParents(rv)
        else:
            rv = (self.loggerClass or _loggerClass)(name)
            rv.manager = self
            self.loggerDict[name] = rv
            self._fixupParents(rv)
        return rv

    def setLoggerClass(self, klass):
        self.loggerClass = klass

    def _fixupParents(self, alogger):
        name = alogger.name
        i = name.rfind(".")
        rv = None
        while (i > 0) and not rv:
            substr = name[:i]
            if substr not in self.loggerDict:
                self.loggerDict[substr] = PlaceHolder(alogger)
            else:
                obj = self.loggerDict[substr]
                if isinstance(obj, Logger):
                    rv = obj
                else:
                    obj.append(alogger)
            i = name.rfind(".", 0, i - 1)
        if not rv:
            rv = self.root
        alogger.parent = rv

    def _fixupChildren(self, ph, alogger):
        name = alogger.name
        namelen = len(name)
        for c in ph.loggerMap.keys():
            if c.parent.name[:namelen] != name:
                alogger.parent = c.parent
                c.parent = alogger

    def _clear_cache(self):
        for logger in self.loggerDict.values():
            if isinstance(logger, Logger):
                logger._cache.clear()
        self.root._cache.clear()

class Logger(Filterer):
    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name = name
        self.level = _checkLevel(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False
        self._cache = {}

    def setLevel(self, level):
        self.level = _checkLevel(level)
        self.manager._clear_cache()

    debug = _logger_debug
    info = _logger_info
    warning = _logger_warning
    warn = _logger_warning
    error = _logger_error
    exception = _logger_exception
    critical = _logger_critical
    fatal = _logger_critical
    log = _logger_log

    def findCaller(self, stack_info=False, stacklevel=1):
        return "(unknown file)", 0, "(unknown function)", None

    def makeRecord(self, name, level, fn, lno, msg, args, exc_info,
                   func=None, extra=None, sinfo=None):
        rv = _logRecordFactory(name, level, fn, lno, msg, args, exc_info, func,
                             sinfo)
        if extra is not None:
            for key in extra:
                if (key in ["message", "asctime"]) or (key in rv.__dict__):
                    raise KeyError("Attempt to overwrite %r in LogRecord" % key)
                rv.__dict__[key] = extra[key]
        return rv

    def _log_native(self, level, msg, args, caller, current_exc, exc_info=None, extra=None,
                    stack_info=False, stacklevel=1):
        # The natives above call this with the caller's frame info and handled exception.
        if not self.isEnabledFor(level):
            return
        fn, lno, func = caller
        if exc_info:
            if isinstance(exc_info, BaseException):
                exc_info = (type(exc_info), exc_info, None)
            elif not isinstance(exc_info, tuple):
                if current_exc is None:
                    exc_info = (None, None, None)
                else:
                    exc_info = (type(current_exc), current_exc, None)
        record = self.makeRecord(self.name, level, fn, lno, msg, args,
                                 exc_info, func, extra, None)
        self.handle(record)

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False,
             stacklevel=1):
        self._log_native(level, msg, args, ("(unknown file)", 0, "(unknown function)"), None,
                         exc_info, extra, stack_info, stacklevel)

    def handle(self, record):
        if (not self.disabled) and self.filter(record):
            self.callHandlers(record)

    def addHandler(self, hdlr):
        if not (hdlr in self.handlers):
            self.handlers.append(hdlr)

    def removeHandler(self, hdlr):
        if hdlr in self.handlers:
            self.handlers.remove(hdlr)

    def hasHandlers(self):
        c = self
        rv = False
        while c:
            if c.handlers:
                rv = True
                break
            if not c.propagate:
                break
            else:
                c = c.parent
        return rv

    def callHandlers(self, record):
        c = self
        found = 0
        while c:
            for hdlr in c.handlers:
                found = found + 1
                if record.levelno >= hdlr.level:
                    hdlr.handle(record)
            if not c.propagate:
                c = None
            else:
                c = c.parent
        if (found == 0):
            if lastResort:
                if record.levelno >= lastResort.level:
                    lastResort.handle(record)
            elif raiseExceptions and not self.manager.emittedNoHandlerWarning:
                sys.stderr.write("No handlers could be found for logger"
                                 " \"%s\"\n" % self.name)
                self.manager.emittedNoHandlerWarning = True

    def getEffectiveLevel(self):
        logger = self
        while logger:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        if self.disabled:
            return False
        try:
            return self._cache[level]
        except KeyError:
            if self.manager.disable >= level:
                is_enabled = self._cache[level] = False
            else:
                is_enabled = self._cache[level] = (
                    level >= self.getEffectiveLevel()
                )
            return is_enabled

    def getChild(self, suffix):
        if self.root is not self:
            suffix = '.'.join((self.name, suffix))
        return self.manager.getLogger(suffix)

    def __repr__(self):
        level = getLevelName(self.getEffectiveLevel())
        return '<%s %s (%s)>' % (self.__class__.__name__, self.name, level)

class RootLogger(Logger):
    def __init__(self, level):
        Logger.__init__(self, "root", level)

_loggerClass = Logger

class LoggerAdapter(object):
    def __init__(self, logger, extra=None):
        self.logger = logger
        self.extra = extra

    def process(self, msg, kwargs):
        kwargs["extra"] = self.extra
        return msg, kwargs

    def debug(self, msg, *args, **kwargs):
        self.log(DEBUG, msg, *args, **kwargs)

    def info(self, msg, *args, **kwargs):
        self.log(INFO, msg, *args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        self.log(WARNING, msg, *args, **kwargs)

    def error(self, msg, *args, **kwargs):
        self.log(ERROR, msg, *args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        self.log(CRITICAL, msg, *args, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        if self.isEnabledFor(level):
            msg, kwargs = self.process(msg, kwargs)
            self.logger.log(level, msg, *args, **kwargs)

    def isEnabledFor(self, level):
        return self.logger.isEnabledFor(level)

    def setLevel(self, level):
        self.logger.setLevel(level)

    def getEffectiveLevel(self):
        return self.logger.getEffectiveLevel()

root = RootLogger(WARNING)
Logger.root = root
Logger.manager = Manager(Logger.root)

def setLoggerClass(klass):
    global _loggerClass
    _loggerClass = klass

def getLoggerClass():
    return _loggerClass

def basicConfig(**kwargs):
    force = kwargs.pop('force', False)
    encoding = kwargs.pop('encoding', None)
    errors = kwargs.pop('errors', 'backslashreplace')
    if force:
        for h in root.handlers[:]:
            root.removeHandler(h)
            h.close()
    if len(root.handlers) == 0:
        handlers = kwargs.pop("handlers", None)
        if handlers is None:
            if "stream" in kwargs and "filename" in kwargs:
                raise ValueError("'stream' and 'filename' should not be "
                                 "specified together")
        else:
            if "stream" in kwargs or "filename" in kwargs:
                raise ValueError("'stream' or 'filename' should not be "
                                 "specified together with 'handlers'")
        if handlers is None:
            filename = kwargs.pop("filename", None)
            mode = kwargs.pop("filemode", 'a')
            if filename:
                h = FileHandler(filename, mode, encoding=encoding, errors=errors)
            else:
                stream = kwargs.pop("stream", None)
                h = StreamHandler(stream)
            handlers = [h]
        dfs = kwargs.pop("datefmt", None)
        style = kwargs.pop("style", '%')
        if style not in _STYLES:
            raise ValueError('Style must be one of: %s' % ','.join(
                             _STYLES.keys()))
        fs = kwargs.pop("format", _STYLES[style][1])
        fmt = Formatter(fs, dfs, style)
        for h in handlers:
            if h.formatter is None:
                h.setFormatter(fmt)
            root.addHandler(h)
        level = kwargs.pop("level", None)
        if level is not None:
            root.setLevel(level)
        if kwargs:
            keys = ', '.join(kwargs.keys())
            raise ValueError('Unrecognised argument(s): %s' % keys)

def getLogger(name=None):
    if not name or isinstance(name, str) and name == root.name:
        return root
    return Logger.manager.getLogger(name)

critical = _module_critical
fatal = _module_critical
error = _module_error
exception = _module_exception
warning = _module_warning
warn = _module_warning
info = _module_info
debug = _module_debug
log = _module_log

def disable(level=CRITICAL):
    root.manager.disable = level
    root.manager._clear_cache()

def shutdown(handlerList=None):
    for h in root.handlers:
        h.flush()

def captureWarnings(capture):
    pass
)PY";

}  // namespace

void init_logging(Interp& in, Module& m) {
    const struct {
        const char* name;
        const char* pyname;
        NativeFn fn;
    } natives[] = {
        {"_logger_debug", "debug", logger_level_method<10, false>},
        {"_logger_info", "info", logger_level_method<20, false>},
        {"_logger_warning", "warning", logger_level_method<30, false>},
        {"_logger_error", "error", logger_level_method<40, false>},
        {"_logger_exception", "exception", logger_level_method<40, true>},
        {"_logger_critical", "critical", logger_level_method<50, false>},
        {"_logger_log", "log", logger_log},
        {"_module_debug", "debug", module_level_function<10, false>},
        {"_module_info", "info", module_level_function<20, false>},
        {"_module_warning", "warning", module_level_function<30, false>},
        {"_module_error", "error", module_level_function<40, false>},
        {"_module_exception", "exception", module_level_function<40, true>},
        {"_module_critical", "critical", module_level_function<50, false>},
        {"_module_log", "log", module_log},
    };
    for (const auto& n : natives) m.dict->set_str(n.name, make_native(n.pyname, n.fn));
    m.dict->set_str("_format_exception", make_native("_format_exception", logging_format_exception));
    exec_source(in, logging_records_source(), kFile, m.dict);
    exec_source(in, kSource, kFile, m.dict);
}

}  // namespace looplab::py::stdlib
