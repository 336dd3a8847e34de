// Python exception objects and their crossing into the runtime (CPython
// Objects/exceptions.c for the classes, str() and repr(); see exceptions.hpp for the bridge).
#include "looplab/py/exceptions.hpp"

#include <map>

#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/numeric_errors.hpp"
#include "vm_ops.hpp"

namespace looplab::py {

ExceptionObject::ExceptionObject(Type* t) : Instance(t), args(make_tuple({})) {}

namespace {

ExceptionTypes* g_exc = nullptr;
std::map<std::string, Type*, std::less<>>* g_by_name = nullptr;

Type* exc_type(const char* name, Type* base, const char* module = "builtins") {
    Type* t = new Type(name, Kind::exception, base);
    t->add_ref();
    t->type = types().type;
    t->dict->type = types().dict;
    t->module = module;
    (*g_by_name)[name] = t;
    return t;
}

void make_exception_types(ExceptionTypes* e) {
    e->BaseException = exc_type("BaseException", types().object);
    auto* B = e->BaseException;
    e->Exception = exc_type("Exception", B);
    auto* E = e->Exception;
    e->ArithmeticError = exc_type("ArithmeticError", E);
    e->ZeroDivisionError = exc_type("ZeroDivisionError", e->ArithmeticError);
    e->OverflowError = exc_type("OverflowError", e->ArithmeticError);
    e->AssertionError = exc_type("AssertionError", E);
    e->AttributeError = exc_type("AttributeError", E);
    e->ImportError = exc_type("ImportError", E);
    e->ModuleNotFoundError = exc_type("ModuleNotFoundError", e->ImportError);
    e->LookupError = exc_type("LookupError", E);
    e->IndexError = exc_type("IndexError", e->LookupError);
    e->KeyError = exc_type("KeyError", e->LookupError);
    e->NameError = exc_type("NameError", E);
    e->UnboundLocalError = exc_type("UnboundLocalError", e->NameError);
    e->RuntimeError = exc_type("RuntimeError", E);
    e->NotImplementedError = exc_type("NotImplementedError", e->RuntimeError);
    e->RecursionError = exc_type("RecursionError", e->RuntimeError);
    e->StopIteration = exc_type("StopIteration", E);
    e->StopAsyncIteration = exc_type("StopAsyncIteration", E);
    e->TypeError = exc_type("TypeError", E);
    e->ValueError = exc_type("ValueError", E);
    e->UnicodeError = exc_type("UnicodeError", e->ValueError);
    e->OSError = exc_type("OSError", E);
    e->TimeoutError = exc_type("TimeoutError", e->OSError);
    e->ConnectionError = exc_type("ConnectionError", e->OSError);
    e->FileNotFoundError = exc_type("FileNotFoundError", e->OSError);
    // The rest of OSError's errno subclasses (os_error.cpp maps errno values to them).
    for (const char* name : {"BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError"})
        exc_type(name, e->ConnectionError);
    for (const char* name : {"BlockingIOError", "ChildProcessError", "FileExistsError", "InterruptedError",
                             "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError"})
        exc_type(name, e->OSError);
    e->KeyboardInterrupt = exc_type("KeyboardInterrupt", B);
    e->SystemExit = exc_type("SystemExit", B);
    e->GeneratorExit = exc_type("GeneratorExit", B);
    e->BaseExceptionGroup = exc_type("BaseExceptionGroup", B);
    e->ExceptionGroup = new Type("ExceptionGroup", Kind::exception, e->BaseExceptionGroup);
    e->ExceptionGroup->add_ref();
    e->ExceptionGroup->type = types().type;
    e->ExceptionGroup->dict->type = types().dict;
    // class ExceptionGroup(BaseExceptionGroup, Exception): MRO as CPython's.
    e->ExceptionGroup->bases.push_back(E);
    e->ExceptionGroup->mro = {e->ExceptionGroup, e->BaseExceptionGroup, E, B, types().object};
    (*g_by_name)["ExceptionGroup"] = e->ExceptionGroup;
    e->SyntaxError = exc_type("SyntaxError", E);
    e->IndentationError = exc_type("IndentationError", e->SyntaxError);
    e->Warning = exc_type("Warning", E);
    e->UserWarning = exc_type("UserWarning", e->Warning);
    e->RuntimeWarning = exc_type("RuntimeWarning", e->Warning);
    e->DeprecationWarning = exc_type("DeprecationWarning", e->Warning);
    e->EOFError = exc_type("EOFError", E);
    exc_type("MemoryError", E);
    e->CancelledError = exc_type("CancelledError", B, "asyncio.exceptions");
    e->InvalidStateError = exc_type("InvalidStateError", E, "asyncio.exceptions");
    e->QueueEmpty = exc_type("QueueEmpty", E, "asyncio.queues");
    e->QueueFull = exc_type("QueueFull", E, "asyncio.queues");
    e->BrokenBarrierError = exc_type("BrokenBarrierError", e->RuntimeError, "asyncio.exceptions");
    for (auto& [name, t] : *g_by_name) t->construct = nullptr;
    install_exception_methods(*e);
}

// str(args) for the built-in rule: '' / the single arg's str / the tuple's str.
std::string args_str(const ExceptionObject& e) {
    auto& items = e.args.as<Tuple>()->items;
    Interp& in = Interp::current();
    if (items.empty()) return "";
    if (items.size() == 1) {
        if (e.type->is_subtype(exc_types().KeyError)) return repr(in, items[0]);
        return str(in, items[0]);
    }
    return repr(in, e.args);
}

template <class B>
class PyError final : public B, public PyErrorBase {
public:
    PyError(Ref<ExceptionObject> e, std::string msg) : B(std::move(msg)), PyErrorBase(std::move(e)) {}
    const char* type_name() const noexcept override { return exc->type->name.c_str(); }
    std::string repr() const override { return py::repr(Interp::current(), Value(exc.get())); }
};

template <class B>
std::exception_ptr wrap(Ref<ExceptionObject> e, std::string msg) {
    return std::make_exception_ptr(PyError<B>(std::move(e), std::move(msg)));
}

}  // namespace

const ExceptionTypes& exc_types() {
    if (!g_exc) {
        g_exc = new ExceptionTypes();
        g_by_name = new std::map<std::string, Type*, std::less<>>();
        make_exception_types(g_exc);
    }
    return *g_exc;
}

Type* exception_type_by_name(std::string_view name) {
    exc_types();
    auto it = g_by_name->find(name);
    return it == g_by_name->end() ? nullptr : it->second;
}

Ref<ExceptionObject> new_exception(Type* cls, std::string message) {
    Ref<ExceptionObject> e(new ExceptionObject(cls));
    if (!message.empty()) e->args = make_tuple({make_str(std::move(message))});
    return e;
}

Ref<ExceptionObject> new_exception_args(Type* cls, std::vector<Value> args) {
    Ref<ExceptionObject> e(new ExceptionObject(cls));
    e->args = make_tuple(std::move(args));
    return e;
}

std::string exception_str_builtin(const ExceptionObject& e) {
    std::string os_text;
    if (e.type->is_subtype(exc_types().OSError) && oserror_str(e, os_text)) return os_text;
    if (e.type->is_subtype(exc_types().BaseExceptionGroup)) {
        auto& items = e.args.as<Tuple>()->items;
        if (items.size() == 2 && items[1].is_object()) {
            int64_t n = len(Interp::current(), items[1]);
            return str(Interp::current(), items[0]) + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")";
        }
    }
    return args_str(e);
}

std::exception_ptr to_exception_ptr(Ref<ExceptionObject> e) {
    const ExceptionTypes& x = exc_types();
    std::string msg;
    try {
        msg = exception_str_builtin(*e);
    } catch (...) {
    }
    for (Type* t : e->type->mro) {
        if (t == x.CancelledError) return wrap<looplab::CancelledError>(e, msg);
        if (t == x.TimeoutError) return wrap<looplab::TimeoutError>(e, msg);
        if (t == x.InvalidStateError) return wrap<looplab::InvalidStateError>(e, msg);
        if (t == x.QueueEmpty) return wrap<looplab::QueueEmpty>(e, msg);
        if (t == x.QueueFull) return wrap<looplab::QueueFull>(e, msg);
        if (t == x.OSError) return wrap<looplab::OSError>(e, msg);
        if (t == x.RuntimeError) return wrap<looplab::RuntimeError>(e, msg);
        if (t == x.ValueError) return wrap<looplab::ValueError>(e, msg);
        if (t == x.TypeError) return wrap<looplab::TypeError>(e, msg);
        if (t == x.KeyError) return wrap<looplab::KeyError>(e, msg);
        if (t == x.AssertionError) return wrap<looplab::AssertionError>(e, msg);
        if (t == x.Exception) return wrap<looplab::Exception>(e, msg);
    }
    return wrap<looplab::BaseException>(e, msg);
}

void throw_exception(Ref<ExceptionObject> e) { std::rethrow_exception(to_exception_ptr(std::move(e))); }
void raise(Type* cls, std::string message) { throw_exception(new_exception(cls, std::move(message))); }
void raise_type_error(std::string message) { raise(exc_types().TypeError, std::move(message)); }
void raise_value_error(std::string message) { raise(exc_types().ValueError, std::move(message)); }

Ref<ExceptionObject> from_exception_ptr(const std::exception_ptr& ep) {
    try {
        std::rethrow_exception(ep);
    } catch (const PyErrorBase& e) {
        return e.exc;
    } catch (const RunEnded&) {
        throw;
    } catch (const looplab::BaseExceptionGroup& g) {
        std::vector<Value> members;
        for (auto& m : g.exceptions()) members.push_back(Value(from_exception_ptr(m).get()));
        return new_exception_args(exc_types().BaseExceptionGroup, {make_str(g.message()), make_list(std::move(members))});
    } catch (const looplab::ExceptionGroup& g) {
        std::vector<Value> members;
        for (auto& m : g.exceptions()) members.push_back(Value(from_exception_ptr(m).get()));
        return new_exception_args(exc_types().ExceptionGroup, {make_str(g.message()), make_list(std::move(members))});
    } catch (const looplab::BaseException& e) {
        Type* t = exception_type_by_name(e.type_name());
        if (!t) t = exc_types().RuntimeError;
        auto obj = new_exception(t, e.message());
        if (e.cause) {
            // The runtime's `raise X from exc` (wait_for's TimeoutError) runs in the handler
            // of exc, so exc is the context too, as in CPython.
            obj->cause = Value(from_exception_ptr(e.cause).get());
            obj->context = obj->cause;
            obj->suppress_context = true;
        }
        return obj;
    } catch (const std::bad_alloc&) {
        return new_exception(exception_type_by_name("MemoryError"), "");
    } catch (const std::exception& e) {
        return new_exception(exc_types().RuntimeError, e.what());
    }
}

bool exception_matches(const ExceptionObject& e, const Type* cls) { return e.type->is_subtype(cls); }

}  // namespace looplab::py
