// The `contextlib` module (CPython Lib/contextlib.py): contextmanager over generators
// (with CPython's "generator didn't yield" / "didn't stop" rules and exception passing via
// gen.throw), suppress, closing, nullcontext, ExitStack and AsyncExitStack (no
// redirect_stdout). asynccontextmanager needs async generators, which LoopLab does not run yet: it
// says so when used.
#include "looplab/py/vm.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

// _gen_send(gen) / _gen_throw(gen, exc): one step of a generator, as gen.send(None) and
// gen.throw(exc). Returns (True, value) when it yielded; raises StopIteration(value) when it
// returned; lets any other exception out.
Value step(Interp& in, const Value& gen, std::exception_ptr thrown) {
    if (!gen.is_object() || gen.type()->kind != Kind::generator) raise_type_error("expected a generator");
    Resumed r = in.vm().resume_generator(*gen.as<CoroutineObject>(), Value::none(), thrown);
    if (r.kind == StepResult::Kind::raised) std::rethrow_exception(r.error);
    if (r.kind == StepResult::Kind::returned) {
        std::vector<Value> args;
        if (!r.value.is_undefined() && !r.value.is_none()) args.push_back(r.value);
        throw_exception(new_exception_args(exc_types().StopIteration, args));
    }
    return make_tuple({Value::boolean(true), r.value});
}
Value gen_send(Interp& in, const CallArgs& a) {
    if (a.nargs != 1) raise_type_error("_gen_send(gen)");
    return step(in, a[0], nullptr);
}
Value gen_throw(Interp& in, const CallArgs& a) {
    if (a.nargs != 2 || !a[1].is_object() || a[1].type()->kind != Kind::exception) raise_type_error("_gen_throw(gen, exc)");
    return step(in, a[0], to_exception_ptr(Ref<ExceptionObject>(a[1].as<ExceptionObject>())));
}

const char* const kSource = R"PY(
import sys as _sys
from functools import wraps

class AbstractContextManager:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None

class AbstractAsyncContextManager:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        return None

class ContextDecorator(object):
    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner

class _GeneratorContextManager(ContextDecorator, AbstractContextManager):
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        del self.args, self.kwds, self.func
        try:
            return _gen_send(self.gen)[1]
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                _gen_send(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        else:
            if value is None:
                value = typ()
            try:
                _gen_throw(self.gen, value)
            except StopIteration as exc:
                return exc is not value
            except RuntimeError as exc:
                if exc is value:
                    return False
                if (
                    isinstance(value, StopIteration)
                    and exc.__cause__ is value
                ):
                    return False
                raise
            except BaseException as exc:
                if exc is not value:
                    raise
                return False
            raise RuntimeError("generator didn't stop after throw()")

def contextmanager(func):
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper

def asynccontextmanager(func):
    raise NotImplementedError(
        "LoopLab does not support contextlib.asynccontextmanager yet: it needs async "
        "generators. Write a class with async __aenter__ and __aexit__ methods instead.")

class closing(AbstractContextManager):
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()

class aclosing(AbstractAsyncContextManager):
    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()

class suppress(AbstractContextManager):
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)

class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass

class _BaseExitStack:
    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        _cb_type = type(exit)
        try:
            exit_method = _cb_type.__exit__
        except AttributeError:
            self._push_exit_callback(exit)
        else:
            self._push_cm_exit(exit, exit_method)
        return exit

    def enter_context(self, cm):
        cls = type(cm)
        try:
            _enter = cls.__enter__
            _exit = cls.__exit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the context manager protocol") from None
        result = _enter(cm)
        self._push_cm_exit(cm, _exit)
        return result

    def callback(self, callback, /, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._push_exit_callback(_exit_wrapper)
        return callback

    def _push_cm_exit(self, cm, cm_exit):
        def _exit_wrapper(exc_type, exc, tb):
            return cm_exit(cm, exc_type, exc, tb)
        self._push_exit_callback(_exit_wrapper, True)

    def _push_exit_callback(self, callback, is_sync=True):
        self._exit_callbacks.append((is_sync, callback))

class ExitStack(_BaseExitStack, AbstractContextManager):
    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as new_exc:
                exc_details = (type(new_exc), new_exc, None)
                pending_raise = True
        if pending_raise:
            raise exc_details[1]
        return received_exc and suppressed_exc

    def close(self):
        self.__exit__(None, None, None)

class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    async def enter_async_context(self, cm):
        cls = type(cm)
        try:
            _enter = cls.__aenter__
            _exit = cls.__aexit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the asynchronous context manager protocol"
                           ) from None
        result = await _enter(cm)
        self._push_async_cm_exit(cm, _exit)
        return result

    def push_async_callback(self, callback, /, *args, **kwds):
        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        self._push_exit_callback(_exit_wrapper, False)
        return callback

    def _push_async_cm_exit(self, cm, cm_exit):
        async def _exit_wrapper(exc_type, exc, tb):
            return await cm_exit(cm, exc_type, exc, tb)
        self._push_exit_callback(_exit_wrapper, False)

    async def aclose(self):
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if is_sync:
                    cb_suppress = cb(*exc_details)
                else:
                    cb_suppress = await cb(*exc_details)
                if cb_suppress:
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as new_exc:
                exc_details = (type(new_exc), new_exc, None)
                pending_raise = True
        if pending_raise:
            raise exc_details[1]
        return received_exc and suppressed_exc
)PY";

}  // namespace

void init_contextlib(Interp& in, Module& m) {
    m.dict->set_str("_gen_send", make_native("_gen_send", gen_send));
    m.dict->set_str("_gen_throw", make_native("_gen_throw", gen_throw));
    exec_source(in, kSource, "<looplab:contextlib>", m.dict);
}

}  // namespace looplab::py::stdlib
