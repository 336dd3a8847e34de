// The interpreter loop proper: one switch over the instruction set (CPython ceval.c's
// _PyEval_EvalFrameDefault). Exceptions raised by instructions are C++ exceptions caught
// once around the dispatch loop and then unwound through the frame's block stack.
#include <cstring>

#include "looplab/event_loop.hpp"
#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/set.hpp"
#include "looplab/py/str.hpp"
#include "looplab/py/vm.hpp"
#include "looplab/runtime.hpp"
#include "vm_ops.hpp"

namespace looplab::py {

namespace {

[[noreturn]] void raise_unbound_local(const Code& c, uint32_t i) {
    raise(exc_types().UnboundLocalError,
          "cannot access local variable '" + c.varnames[i] + "' where it is not associated with a value");
}

[[noreturn]] void raise_unbound_deref(const Code& c, uint32_t i) {
    if (i < c.cellvars.size())
        raise(exc_types().UnboundLocalError,
              "cannot access local variable '" + c.cellvars[i] + "' where it is not associated with a value");
    raise(exc_types().NameError, "cannot access free variable '" + c.freevars[i - c.cellvars.size()] +
                                     "' where it is not associated with a value in enclosing scope");
}

const std::string& deref_name(const Code& c, uint32_t i) {
    return i < c.cellvars.size() ? c.cellvars[i] : c.freevars[i - c.cellvars.size()];
}

Value make_exception_instance(Interp& in, const Value& v) {
    if (v.is_object() && v.obj()->type->kind == Kind::type && v.as<Type>()->is_subtype(exc_types().BaseException))
        return call(in, v, std::vector<Value>{});
    if (v.is_object() && v.type()->is_subtype(exc_types().BaseException)) return v;
    raise_type_error("exceptions must derive from BaseException");
}

void check_exception_class(const Value& t) {
    auto ok = [](const Value& c) {
        return c.is_object() && c.obj()->type->kind == Kind::type && c.as<Type>()->is_subtype(exc_types().BaseException);
    };
    if (t.is_object() && t.obj()->type->kind == Kind::tuple) {
        for (auto& c : t.as<Tuple>()->items)
            if (!ok(c)) raise_type_error("catching classes that do not inherit from BaseException is not allowed");
        return;
    }
    if (!ok(t)) raise_type_error("catching classes that do not inherit from BaseException is not allowed");
}

void unpack(Interp& in, const Value& seq, size_t before, size_t after, bool star, std::vector<Value>& stack) {
    std::vector<Value> items;
    if (seq.is_object() && !seq.type()->heap && seq.type()->kind == Kind::tuple) items = seq.as<Tuple>()->items;
    else if (seq.is_object() && !seq.type()->heap && seq.type()->kind == Kind::list) items = seq.as<List>()->items;
    else {
        if (!seq.is_object() || (seq.type()->lookup("__iter__").is_undefined() && seq.type()->kind != Kind::iterator &&
                                 seq.type()->kind != Kind::generator && seq.type()->kind != Kind::str))
            raise_type_error("cannot unpack non-iterable " + type_name(seq) + " object");
        items = to_vector(in, seq);
    }
    size_t n = items.size();
    if (!star) {
        if (n < before)
            raise_value_error("not enough values to unpack (expected " + std::to_string(before) + ", got " + std::to_string(n) + ")");
        if (n > before) raise_value_error("too many values to unpack (expected " + std::to_string(before) + ")");
        for (size_t i = n; i-- > 0;) stack.push_back(std::move(items[i]));
        return;
    }
    if (n < before + after)
        raise_value_error("not enough values to unpack (expected at least " + std::to_string(before + after) + ", got " +
                          std::to_string(n) + ")");
    for (size_t i = n; i-- > n - after;) stack.push_back(std::move(items[i]));
    std::vector<Value> mid(items.begin() + long(before), items.begin() + long(n - after));
    stack.push_back(make_list(std::move(mid)));
    for (size_t i = before; i-- > 0;) stack.push_back(std::move(items[i]));
}

Value dict_merge_for_call(Interp& in, Dict& target, const Value& src, bool check_dupes) {
    if (src.is_object() && src.obj()->type->kind == Kind::dict) {
        for (auto& e : src.as<Dict>()->entries()) {
            if (e.key.is_undefined()) continue;
            if (check_dupes && !is_str(e.key)) raise_type_error("keywords must be strings");
            if (check_dupes && target.contains(in, e.key))
                raise_type_error("got multiple values for keyword argument '" + str(in, e.key) + "'");
            target.set(in, e.key, e.value);
        }
        return {};
    }
    Value keys = getattr_or_undefined(in, src, intern("keys"));
    if (keys.is_undefined()) raise_type_error("'" + type_name(src) + "' object is not a mapping");
    for (auto& k : to_vector(in, call(in, keys, std::vector<Value>{}))) {
        if (check_dupes && target.contains(in, k))
            raise_type_error("got multiple values for keyword argument '" + str(in, k) + "'");
        target.set(in, k, getitem(in, src, k));
    }
    return {};
}

// Calls with a keyword-name tuple on the stack: [f, args..., names].
Value call_kw(Interp& in, Value* base, size_t n, const Tuple& names) {
    size_t nkw = names.items.size();
    CallArgs a;
    a.args = base + 1;
    a.nargs = n - nkw;
    a.kwvalues = base + 1 + a.nargs;
    std::vector<Str*> kwn;
    kwn.reserve(nkw);
    for (auto& v : names.items) kwn.push_back(v.as<Str>());
    a.kwnames = kwn.data();
    a.nkw = nkw;
    return call(in, base[0], a);
}

Value call_ex(Interp& in, const Value& f, const Value& args, const Value& kwargs) {
    CallArgs a;
    auto& pos = args.as<Tuple>()->items;
    a.args = pos.data();
    a.nargs = pos.size();
    std::vector<Str*> kwn;
    std::vector<Value> kwv;
    if (!kwargs.is_undefined()) {
        for (auto& e : kwargs.as<Dict>()->entries()) {
            if (e.key.is_undefined()) continue;
            if (!is_str(e.key)) raise_type_error("keywords must be strings");
            kwn.push_back(intern(e.key.as<Str>()->s));
            kwv.push_back(e.value);
        }
    }
    a.kwnames = kwn.data();
    a.kwvalues = kwv.data();
    a.nkw = kwn.size();
    return call(in, f, a);
}

bool is_awaitable_kind(const Value& v) {
    if (!v.is_object()) return false;
    // Value::type() is not inlined into execute(): read an object's type directly on the
    // paths every await takes.
    Kind k = v.obj()->type->kind;
    if (k == Kind::coroutine) return true;
    return as_native_coroutine(v.obj()) || as_future_object(v.obj());
}

}  // namespace

Resumed VM::execute(Frame* f, std::exception_ptr thrown) {
    Frame* saved_current = current_;
    entry_callers_.push_back(saved_current);
    struct Restore {
        VM& vm;
        Frame* saved;
        ~Restore() {
            vm.current_ = saved;
            vm.entry_callers_.pop_back();
        }
    } restore{*this, saved_current};
    Interp& in = in_;
    Ref<ExceptionObject> exc;  // the exception being unwound
    bool add_traceback = true;
    bool set_context = true;
    const uint64_t max_instructions = in.options().max_instructions_per_step;

    auto owner_root = [](Frame* fr) -> CoroutineObject* {
        // The coroutine whose Task is stepping: the outermost coroutine frame of the chain.
        while (fr->back && fr->returns_to_await) fr = fr->back;
        return fr->owner;
    };

    if (thrown) {
        if (f->await_state == 1) {
            pending_throw_ = std::move(thrown);  // AWAIT delivers it (to a native coroutine, or raises it here)
        } else {
            exc = from_exception_ptr(thrown);
            add_traceback = true;
            set_context = false;
            goto unwind;
        }
    }

    for (;;) {
        current_ = f;
        try {
            for (;;) {
                const uint32_t ins = f->code->code[f->pc++];
                const uint32_t arg = arg_of(ins);
                auto& stack = f->stack;
                switch (op_of(ins)) {
                    case Op::NOP:
                    case Op::GEN_START: break;
                    case Op::POP_TOP: stack.pop_back(); break;
                    case Op::DUP_TOP: stack.push_back(stack.back()); break;
                    case Op::DUP_TOP_TWO: {
                        size_t n = stack.size();
                        stack.push_back(stack[n - 2]);
                        stack.push_back(stack[n - 1]);
                        break;
                    }
                    case Op::ROT_TWO: std::swap(stack[stack.size() - 1], stack[stack.size() - 2]); break;
                    case Op::ROT_THREE: {
                        size_t n = stack.size();
                        Value top = std::move(stack[n - 1]);
                        stack[n - 1] = std::move(stack[n - 2]);
                        stack[n - 2] = std::move(stack[n - 3]);
                        stack[n - 3] = std::move(top);
                        break;
                    }
                    case Op::ROT_FOUR: {
                        size_t n = stack.size();
                        Value top = std::move(stack[n - 1]);
                        stack[n - 1] = std::move(stack[n - 2]);
                        stack[n - 2] = std::move(stack[n - 3]);
                        stack[n - 3] = std::move(stack[n - 4]);
                        stack[n - 4] = std::move(top);
                        break;
                    }
                    case Op::LOAD_CONST: stack.push_back(f->code->consts[arg]); break;
                    case Op::LOAD_FAST: {
                        const Value& v = f->fast[arg];
                        if (v.is_undefined()) raise_unbound_local(*f->code, arg);
                        stack.push_back(v);
                        break;
                    }
                    case Op::STORE_FAST:
                        f->fast[arg] = std::move(stack.back());
                        stack.pop_back();
                        break;
                    case Op::DELETE_FAST:
                        if (f->fast[arg].is_undefined()) raise_unbound_local(*f->code, arg);
                        f->fast[arg] = Value();
                        break;
                    case Op::LOAD_DEREF: {
                        Cell* c = f->fast[f->code->nlocals() + arg].as<Cell>();
                        if (c->value.is_undefined()) raise_unbound_deref(*f->code, arg);
                        stack.push_back(c->value);
                        break;
                    }
                    case Op::LOAD_CLASSDEREF: {
                        Value v = f->locals_dict.as<Dict>()->get_str(deref_name(*f->code, arg));
                        if (v.is_undefined()) {
                            Cell* c = f->fast[f->code->nlocals() + arg].as<Cell>();
                            if (c->value.is_undefined()) raise_unbound_deref(*f->code, arg);
                            v = c->value;
                        }
                        stack.push_back(std::move(v));
                        break;
                    }
                    case Op::STORE_DEREF:
                        f->fast[f->code->nlocals() + arg].as<Cell>()->value = std::move(stack.back());
                        stack.pop_back();
                        break;
                    case Op::DELETE_DEREF: {
                        Cell* c = f->fast[f->code->nlocals() + arg].as<Cell>();
                        if (c->value.is_undefined()) raise_unbound_deref(*f->code, arg);
                        c->value = Value();
                        break;
                    }
                    case Op::LOAD_CLOSURE: stack.push_back(f->fast[f->code->nlocals() + arg]); break;
                    case Op::LOAD_GLOBAL: {
                        Str* name = f->code->names[arg];
                        Value v = f->globals->get_str(name->s);
                        if (v.is_undefined()) v = in.builtins()->get_str(name->s);
                        if (v.is_undefined()) raise(exc_types().NameError, "name '" + name->s + "' is not defined");
                        stack.push_back(std::move(v));
                        break;
                    }
                    case Op::STORE_GLOBAL:
                        f->globals->set_str(f->code->names[arg]->s, std::move(stack.back()));
                        stack.pop_back();
                        break;
                    case Op::DELETE_GLOBAL:
                        if (!f->globals->erase_str(f->code->names[arg]->s))
                            raise(exc_types().NameError, "name '" + f->code->names[arg]->s + "' is not defined");
                        break;
                    case Op::LOAD_NAME: {
                        Str* name = f->code->names[arg];
                        Value v = f->locals_dict.as<Dict>()->get_str(name->s);
                        if (v.is_undefined()) v = f->globals->get_str(name->s);
                        if (v.is_undefined()) v = in.builtins()->get_str(name->s);
                        if (v.is_undefined()) raise(exc_types().NameError, "name '" + name->s + "' is not defined");
                        stack.push_back(std::move(v));
                        break;
                    }
                    case Op::STORE_NAME:
                        f->locals_dict.as<Dict>()->set_str(f->code->names[arg]->s, std::move(stack.back()));
                        stack.pop_back();
                        break;
                    case Op::DELETE_NAME:
                        if (!f->locals_dict.as<Dict>()->erase_str(f->code->names[arg]->s))
                            raise(exc_types().NameError, "name '" + f->code->names[arg]->s + "' is not defined");
                        break;
                    case Op::LOAD_ATTR: {
                        Value v = getattr(in, stack.back(), f->code->names[arg]);
                        stack.back() = std::move(v);
                        break;
                    }
                    case Op::STORE_ATTR: {
                        Value obj = std::move(stack.back());
                        stack.pop_back();
                        Value v = std::move(stack.back());
                        stack.pop_back();
                        setattr(in, obj, f->code->names[arg], std::move(v));
                        break;
                    }
                    case Op::DELETE_ATTR: {
                        Value obj = std::move(stack.back());
                        stack.pop_back();
                        delattr(in, obj, f->code->names[arg]);
                        break;
                    }
                    case Op::LOAD_METHOD: {
                        // Push (function, self) for a plain method on the type, avoiding a bound
                        // method object; otherwise (attribute, undefined).
                        Value obj = std::move(stack.back());
                        stack.pop_back();
                        Str* name = f->code->names[arg];
                        Type* t = obj.type();
                        Value meth;
                        if (t->kind != Kind::type && t->kind != Kind::module && t->kind != Kind::super) {
                            meth = t->lookup(name->s);
                            if (!meth.is_undefined()) {
                                Kind mk = meth.type()->kind;
                                bool plain = mk == Kind::function || mk == Kind::native;
                                if (plain && (t->kind == Kind::object || t->kind == Kind::exception)) {
                                    // An instance attribute shadows the method.
                                    auto* inst = dynamic_cast<Instance*>(obj.obj());
                                    if (inst && !inst->dict->get_str(name->s).is_undefined()) plain = false;
                                }
                                if (!plain) meth = Value();
                            }
                        }
                        if (!meth.is_undefined()) {
                            stack.push_back(std::move(meth));
                            stack.push_back(std::move(obj));
                        } else {
                            stack.push_back(getattr(in, obj, name));
                            stack.push_back(Value());
                        }
                        break;
                    }
                    case Op::CALL_METHOD: {
                        size_t n = arg;
                        size_t base = stack.size() - n - 2;
                        bool has_self = !stack[base + 1].is_undefined();
                        Value* args = stack.data() + base + (has_self ? 1 : 2);
                        size_t nargs = n + (has_self ? 1 : 0);
                        Value& fn = stack[base];
                        if (fn.is_object() && fn.obj()->type->kind == Kind::function) {
                            Function& func = *fn.as<Function>();
                            if (!func.code->is_coroutine && !func.code->is_generator && !func.code->is_async_generator) {
                                CallArgs a;
                                a.args = args;
                                a.nargs = nargs;
                                Ref<Frame> nf = make_frame(func, a);
                                stack.resize(base);
                                in.enter_call();
                                nf->back = f;
                                f->callee = nf;
                                f = nf.get();
                                current_ = f;
                                if (++instructions > max_instructions) runaway(f);
                                break;
                            }
                        }
                        CallArgs a;
                        a.args = args;
                        a.nargs = nargs;
                        Value r = fn.is_object() && fn.obj()->type->kind == Kind::native ? fn.as<NativeFunction>()->self.is_undefined()
                                                                                           ? fn.as<NativeFunction>()->fn(in, a)
                                                                                           : call(in, fn, a)
                                                                                     : call(in, fn, a);
                        stack.resize(base);
                        stack.push_back(std::move(r));
                        break;
                    }
                    case Op::BINARY_OP: {
                        size_t n = stack.size();
                        Value& a = stack[n - 2];
                        Value& b = stack[n - 1];
                        Value r;
                        if (a.is_int() && b.is_int()) {
                            int64_t x = a.as_int(), y = b.as_int(), z;
                            auto o = ast::Operator(arg);
                            if (o == ast::Operator::Add && !__builtin_add_overflow(x, y, &z)) r = Value::integer(z);
                            else if (o == ast::Operator::Sub && !__builtin_sub_overflow(x, y, &z)) r = Value::integer(z);
                            else if (o == ast::Operator::Mult && !__builtin_mul_overflow(x, y, &z)) r = Value::integer(z);
                            else r = binary_op(in, a, b, o);
                        } else {
                            r = binary_op(in, a, b, ast::Operator(arg));
                        }
                        stack.pop_back();
                        stack.back() = std::move(r);
                        break;
                    }
                    case Op::INPLACE_OP: {
                        size_t n = stack.size();
                        Value& a = stack[n - 2];
                        Value& b = stack[n - 1];
                        Value r;
                        int64_t z;
                        if (a.is_int() && b.is_int() && ast::Operator(arg) == ast::Operator::Add &&
                            !__builtin_add_overflow(a.as_int(), b.as_int(), &z))
                            r = Value::integer(z);
                        else r = inplace_op(in, a, b, ast::Operator(arg));
                        stack.pop_back();
                        stack.back() = std::move(r);
                        break;
                    }
                    case Op::UNARY_NEGATIVE: stack.back() = unary_op(in, stack.back(), ast::UnaryOpKind::USub); break;
                    case Op::UNARY_POSITIVE: stack.back() = unary_op(in, stack.back(), ast::UnaryOpKind::UAdd); break;
                    case Op::UNARY_INVERT: stack.back() = unary_op(in, stack.back(), ast::UnaryOpKind::Invert); break;
                    case Op::UNARY_NOT: stack.back() = Value::boolean(!truthy(in, stack.back())); break;
                    case Op::COMPARE_OP: {
                        size_t n = stack.size();
                        Value& a = stack[n - 2];
                        Value& b = stack[n - 1];
                        Value r;
                        auto o = ast::CmpOp(arg);
                        if (a.is_int() && b.is_int()) {
                            int64_t x = a.as_int(), y = b.as_int();
                            switch (o) {
                                case ast::CmpOp::Lt: r = Value::boolean(x < y); break;
                                case ast::CmpOp::LtE: r = Value::boolean(x <= y); break;
                                case ast::CmpOp::Gt: r = Value::boolean(x > y); break;
                                case ast::CmpOp::GtE: r = Value::boolean(x >= y); break;
                                case ast::CmpOp::Eq: r = Value::boolean(x == y); break;
                                case ast::CmpOp::NotEq: r = Value::boolean(x != y); break;
                                default: r = compare(in, a, b, o);
                            }
                        } else {
                            r = compare(in, a, b, o);
                        }
                        stack.pop_back();
                        stack.back() = std::move(r);
                        break;
                    }
                    case Op::IS_OP:
                    case Op::CONTAINS_OP: break;  // folded into COMPARE_OP by this compiler
                    case Op::BINARY_SUBSCR: {
                        Value key = std::move(stack.back());
                        stack.pop_back();
                        stack.back() = getitem(in, stack.back(), key);
                        break;
                    }
                    case Op::STORE_SUBSCR: {
                        size_t n = stack.size();
                        setitem(in, stack[n - 2], stack[n - 1], std::move(stack[n - 3]));
                        stack.resize(n - 3);
                        break;
                    }
                    case Op::DELETE_SUBSCR: {
                        size_t n = stack.size();
                        delitem(in, stack[n - 2], stack[n - 1]);
                        stack.resize(n - 2);
                        break;
                    }
                    case Op::BUILD_SLICE: {
                        Value step = arg == 3 ? std::move(stack.back()) : Value::none();
                        if (arg == 3) stack.pop_back();
                        Value stop = std::move(stack.back());
                        stack.pop_back();
                        stack.back() = Value(new Slice(std::move(stack.back()), std::move(stop), std::move(step)));
                        break;
                    }
                    case Op::BUILD_TUPLE:
                    case Op::BUILD_LIST: {
                        std::vector<Value> items(std::make_move_iterator(stack.end() - arg), std::make_move_iterator(stack.end()));
                        stack.resize(stack.size() - arg);
                        stack.push_back(op_of(ins) == Op::BUILD_TUPLE ? make_tuple(std::move(items)) : make_list(std::move(items)));
                        break;
                    }
                    case Op::BUILD_SET: {
                        auto* s = new Set(types().set);
                        Value sv(s);
                        for (size_t i = stack.size() - arg; i < stack.size(); ++i) s->add(in, stack[i]);
                        stack.resize(stack.size() - arg);
                        stack.push_back(std::move(sv));
                        break;
                    }
                    case Op::BUILD_MAP: {
                        auto* d = new Dict();
                        Value dv(d);
                        size_t first = stack.size() - 2 * arg;
                        for (size_t i = first; i < stack.size(); i += 2) d->set(in, stack[i], stack[i + 1]);
                        stack.resize(first);
                        stack.push_back(std::move(dv));
                        break;
                    }
                    case Op::BUILD_STRING: {
                        std::string s;
                        for (size_t i = stack.size() - arg; i < stack.size(); ++i) s += stack[i].as<Str>()->s;
                        stack.resize(stack.size() - arg);
                        stack.push_back(make_str(std::move(s)));
                        break;
                    }
                    case Op::LIST_APPEND: {
                        Value v = std::move(stack.back());
                        stack.pop_back();
                        stack[stack.size() - arg].as<List>()->items.push_back(std::move(v));
                        break;
                    }
                    case Op::SET_ADD: {
                        Value v = std::move(stack.back());
                        stack.pop_back();
                        stack[stack.size() - arg].as<Set>()->add(in, v);
                        break;
                    }
                    case Op::MAP_ADD: {
                        Value v = std::move(stack.back());
                        stack.pop_back();
                        Value k = std::move(stack.back());
                        stack.pop_back();
                        stack[stack.size() - arg].as<Dict>()->set(in, k, std::move(v));
                        break;
                    }
                    case Op::LIST_EXTEND: {
                        Value it = std::move(stack.back());
                        stack.pop_back();
                        auto& items = stack[stack.size() - arg].as<List>()->items;
                        if (!it.is_object() || (it.type()->lookup("__iter__").is_undefined() && it.type()->kind != Kind::iterator &&
                                                it.type()->kind != Kind::generator))
                            raise_type_error("Value after * must be an iterable, not " + type_name(it));
                        for (auto& v : to_vector(in, it)) items.push_back(std::move(v));
                        break;
                    }
                    case Op::SET_UPDATE: {
                        Value it = std::move(stack.back());
                        stack.pop_back();
                        // _PySet_Update: a set or frozenset (a folded constant display,
                        // `{*s}`) goes through set_merge's fast paths, a dict its hashes.
                        stack[stack.size() - arg].as<Set>()->update(in, it);
                        break;
                    }
                    case Op::DICT_UPDATE:
                    case Op::DICT_MERGE: {
                        Value src = std::move(stack.back());
                        stack.pop_back();
                        Dict* d = stack[stack.size() - arg].as<Dict>();
                        if (op_of(ins) == Op::DICT_UPDATE && !(src.is_object() && src.obj()->type->kind == Kind::dict) &&
                            getattr_or_undefined(in, src, intern("keys")).is_undefined())
                            raise_type_error("'" + type_name(src) + "' object is not a mapping");
                        if (op_of(ins) == Op::DICT_MERGE && !(src.is_object() && src.obj()->type->kind == Kind::dict) &&
                            getattr_or_undefined(in, src, intern("keys")).is_undefined())
                            raise_type_error("argument after ** must be a mapping, not " + type_name(src));
                        dict_merge_for_call(in, *d, src, op_of(ins) == Op::DICT_MERGE);
                        break;
                    }
                    case Op::LIST_TO_TUPLE: stack.back() = make_tuple(stack.back().as<List>()->items); break;
                    case Op::FORMAT_VALUE: {
                        Value spec;
                        if (arg & kFormatWithSpec) {
                            spec = std::move(stack.back());
                            stack.pop_back();
                        }
                        Value& v = stack.back();
                        switch (arg & 3) {
                            case kFormatStr: v = str_value(in, v); break;
                            case kFormatRepr: v = repr_value(in, v); break;
                            case kFormatAscii: v = make_str(ascii(in, v)); break;
                            default: break;
                        }
                        if (spec.is_undefined() && is_str(v) && !v.type()->heap) break;
                        v = make_str(format(in, v, spec.is_undefined() ? std::string_view() : std::string_view(spec.as<Str>()->s)));
                        break;
                    }
                    case Op::UNPACK_SEQUENCE: {
                        Value seq = std::move(stack.back());
                        stack.pop_back();
                        unpack(in, seq, arg, 0, false, stack);
                        break;
                    }
                    case Op::UNPACK_EX: {
                        Value seq = std::move(stack.back());
                        stack.pop_back();
                        unpack(in, seq, arg & 0xff, arg >> 8, true, stack);
                        break;
                    }
                    case Op::JUMP:
                        if (arg < f->pc && ++instructions > max_instructions) runaway(f);
                        f->pc = arg;
                        break;
                    case Op::POP_JUMP_IF_FALSE: {
                        Value& v = stack.back();
                        bool t = v.is_bool() ? v.as_bool() : truthy(in, v);
                        stack.pop_back();
                        if (!t) f->pc = arg;
                        break;
                    }
                    case Op::POP_JUMP_IF_TRUE: {
                        Value& v = stack.back();
                        bool t = v.is_bool() ? v.as_bool() : truthy(in, v);
                        stack.pop_back();
                        if (t) f->pc = arg;
                        break;
                    }
                    case Op::JUMP_IF_FALSE_OR_POP:
                        if (!truthy(in, stack.back())) f->pc = arg;
                        else stack.pop_back();
                        break;
                    case Op::JUMP_IF_TRUE_OR_POP:
                        if (truthy(in, stack.back())) f->pc = arg;
                        else stack.pop_back();
                        break;
                    case Op::POP_JUMP_IF_NONE: {
                        bool none = stack.back().is_none();
                        stack.pop_back();
                        if (none) f->pc = arg;
                        break;
                    }
                    case Op::POP_JUMP_IF_NOT_NONE: {
                        bool none = stack.back().is_none();
                        stack.pop_back();
                        if (!none) f->pc = arg;
                        break;
                    }
                    case Op::GET_ITER: stack.back() = iter(in, stack.back()); break;
                    case Op::FOR_ITER: {
                        Value& it = stack.back();
                        Value v;
                        if (it.is_object() && it.obj()->type->kind == Kind::iterator) {
                            auto* ni = static_cast<NativeIterator*>(it.obj());
                            v = ni->next(in, *ni);
                        } else {
                            v = next(in, it);
                        }
                        if (v.is_undefined()) {
                            stack.pop_back();
                            f->pc = arg;
                        } else {
                            stack.push_back(std::move(v));
                        }
                        break;
                    }
                    case Op::CALL:
                    case Op::CALL_KW: {
                        size_t n = arg;
                        Value names;
                        if (op_of(ins) == Op::CALL_KW) {
                            names = std::move(stack.back());
                            stack.pop_back();
                        }
                        size_t base = stack.size() - n - 1;
                        Value& fn = stack[base];
                        if (fn.is_object() && fn.obj()->type->kind == Kind::function) {
                            Function& func = *fn.as<Function>();
                            if (!func.code->is_coroutine && !func.code->is_generator && !func.code->is_async_generator) {
                                Ref<Frame> nf;
                                if (names.is_undefined()) {
                                    CallArgs a;
                                    a.args = stack.data() + base + 1;
                                    a.nargs = n;
                                    nf = make_frame(func, a);
                                } else {
                                    auto& nm = names.as<Tuple>()->items;
                                    std::vector<Str*> kwn;
                                    for (auto& v : nm) kwn.push_back(v.as<Str>());
                                    CallArgs a;
                                    a.args = stack.data() + base + 1;
                                    a.nargs = n - nm.size();
                                    a.kwvalues = a.args + a.nargs;
                                    a.kwnames = kwn.data();
                                    a.nkw = kwn.size();
                                    nf = make_frame(func, a);
                                }
                                stack.resize(base);
                                in.enter_call();
                                nf->back = f;
                                f->callee = nf;
                                f = nf.get();
                                current_ = f;
                                if (++instructions > max_instructions) runaway(f);
                                break;
                            }
                        }
                        Value r;
                        if (names.is_undefined()) {
                            CallArgs a;
                            a.args = stack.data() + base + 1;
                            a.nargs = n;
                            // A module function (asyncio.sleep, len...): call()'s native case
                            // without its dispatch.
                            if (fn.is_object() && fn.obj()->type->kind == Kind::native && fn.as<NativeFunction>()->self.is_undefined())
                                r = fn.as<NativeFunction>()->fn(in, a);
                            else
                                r = call(in, fn, a);
                        } else {
                            r = call_kw(in, stack.data() + base, n, *names.as<Tuple>());
                        }
                        stack.resize(base);
                        stack.push_back(std::move(r));
                        break;
                    }
                    case Op::CALL_EX: {
                        Value kwargs;
                        if (arg & 1) {
                            kwargs = std::move(stack.back());
                            stack.pop_back();
                        }
                        Value args = std::move(stack.back());
                        stack.pop_back();
                        Value fn = std::move(stack.back());
                        stack.pop_back();
                        stack.push_back(call_ex(in, fn, args, kwargs));
                        break;
                    }
                    case Op::MAKE_FUNCTION: {
                        Value qual = std::move(stack.back());
                        stack.pop_back();
                        Ref<Code> code(stack.back().as<Code>());
                        stack.pop_back();
                        auto* fn = new Function(code, f->globals);
                        Value fv(fn);
                        fn->qualname = qual.as<Str>()->s;
                        if (arg & kFuncClosure) {
                            fn->closure = std::move(stack.back());
                            stack.pop_back();
                        }
                        if (arg & kFuncKwDefaults) {
                            fn->kwdefaults = std::move(stack.back());
                            stack.pop_back();
                        }
                        if (arg & kFuncDefaults) {
                            fn->defaults = std::move(stack.back());
                            stack.pop_back();
                        }
                        fn->module_name = f->globals->get_str("__name__");
                        if (!code->consts.empty() && is_str(code->consts[0]) && code->name != "<lambda>" &&
                            code->name[0] != '<')
                            fn->doc = code->consts[0];
                        stack.push_back(std::move(fv));
                        break;
                    }
                    case Op::RETURN_VALUE: {
                        Value v = std::move(stack.back());
                        stack.pop_back();
                        if (f->is_entry) {
                            if (f->owner) {
                                f->owner->finished = true;
                                f->owner->leaf = nullptr;
                            }
                            f->stack.clear();
                            Resumed r;
                            r.kind = StepResult::Kind::returned;
                            r.value = std::move(v);
                            return r;
                        }
                        Frame* parent = f->back;
                        if (f->returns_to_await) {
                            // The awaited coroutine finished: AWAIT's result (replaces the awaitable).
                            f->owner->finished = true;
                            f->owner->running = false;
                            f->back = nullptr;
                            parent->stack.back() = std::move(v);
                            f = parent;
                        } else {
                            in.leave_call();
                            f->back = nullptr;
                            parent->stack.push_back(std::move(v));
                            f = parent;
                            f->callee = nullptr;  // frees the finished frame
                        }
                        current_ = f;
                        break;
                    }
                    case Op::SETUP_FINALLY: f->blocks.push_back(Block{arg, uint32_t(stack.size())}); break;
                    case Op::SETUP_WITH: f->blocks.push_back(Block{arg, uint32_t(stack.size() - 1)}); break;
                    case Op::POP_BLOCK: f->blocks.pop_back(); break;
                    case Op::PUSH_EXC_INFO: f->handling.push_back(stack.back()); break;
                    case Op::POP_EXCEPT: f->handling.pop_back(); break;
                    case Op::RAISE: {
                        if (arg == 0) {
                            Value cur = handled_from(f);
                            if (cur.is_undefined()) raise(exc_types().RuntimeError, "No active exception to reraise");
                            exc = Ref<ExceptionObject>(cur.as<ExceptionObject>());
                            // A bare `raise` keeps the traceback as it is: ceval.c do_raise
                            // returns to exception_unwind, past the PyTraceBack_Here of
                            // `error:`, so this frame is not listed twice. Callers it
                            // propagates to are added as usual.
                            add_traceback = false;
                            set_context = false;
                            goto unwind;
                        }
                        Value cause;
                        if (arg == 2) {
                            cause = std::move(stack.back());
                            stack.pop_back();
                        }
                        Value e = make_exception_instance(in, stack.back());
                        stack.pop_back();
                        auto* eo = e.as<ExceptionObject>();
                        if (arg == 2) {
                            if (cause.is_none()) eo->cause = Value();
                            else {
                                Value c = cause;
                                if (c.is_object() && c.obj()->type->kind == Kind::type) c = make_exception_instance(in, c);
                                else if (!c.is_object() || !c.type()->is_subtype(exc_types().BaseException))
                                    raise_type_error("exception causes must derive from BaseException");
                                eo->cause = c;
                            }
                            eo->suppress_context = true;
                        }
                        exc = Ref<ExceptionObject>(eo);
                        add_traceback = true;
                        set_context = true;
                        goto unwind;
                    }
                    case Op::RERAISE: {
                        Value e = std::move(stack.back());
                        stack.pop_back();
                        exc = Ref<ExceptionObject>(e.as<ExceptionObject>());
                        add_traceback = false;
                        set_context = false;
                        goto unwind;
                    }
                    case Op::CHECK_EXC_MATCH: {
                        Value t = std::move(stack.back());
                        stack.pop_back();
                        check_exception_class(t);
                        stack.push_back(Value::boolean(isinstance(in, stack.back(), t)));
                        break;
                    }
                    case Op::CHECK_EG_MATCH: {
                        Value t = std::move(stack.back());
                        stack.pop_back();
                        check_exception_class(t);
                        auto [match, rest] = exception_group_split(in, stack.back(), t);
                        stack.back() = rest;
                        stack.push_back(match);
                        break;
                    }
                    case Op::PREP_RERAISE_STAR: {
                        size_t n = stack.size();
                        Value r = prep_reraise_star(in, stack[n - 3], stack[n - 2], stack[n - 1]);
                        stack.resize(n - 2);
                        stack.push_back(std::move(r));
                        break;
                    }
                    case Op::LOAD_ASSERTION_ERROR: stack.push_back(Value(exc_types().AssertionError)); break;
                    case Op::GET_AWAITABLE: {
                        Value& v = stack.back();
                        if (!is_awaitable_kind(v)) {
                            if (v.is_object() && v.obj()->type->kind == Kind::generator)
                                raise_type_error("object generator can't be used in 'await' expression");
                            Value aw = v.is_object() ? v.type()->lookup("__await__") : Value();
                            if (!aw.is_undefined()) {
                                Value r = call(in, aw, std::vector<Value>{v});
                                if (!is_awaitable_kind(r))
                                    raise_type_error("__await__() returned non-iterator of type '" + type_name(r) + "'");
                                v = r;
                            } else {
                                raise_type_error("object " + type_name(v) + " can't be used in 'await' expression");
                            }
                        }
                        if (v.is_object() && v.obj()->type->kind == Kind::coroutine) {
                            auto* co = v.as<CoroutineObject>();
                            if (co->finished || co->started)
                                raise(exc_types().RuntimeError, "cannot reuse already awaited coroutine");
                        }
                        break;
                    }
                    case Op::AWAIT: {
                        Value& aw = stack.back();
                        if (aw.is_object() && aw.obj()->type->kind == Kind::coroutine) {
                            auto* co = aw.as<CoroutineObject>();
                            if (co->started) raise(exc_types().RuntimeError, "cannot reuse already awaited coroutine");
                            co->started = true;
                            co->awaited = true;
                            co->running = true;
                            Frame* cf = co->frame.get();
                            // An await chain is a call chain: CPython counts it against the
                            // recursion limit (`async def f(): await f()`).
                            cf->depth = f->depth + 1;
                            if (cf->depth > in.recursion_limit) {
                                co->finished = true;
                                raise(exc_types().RecursionError, "maximum recursion depth exceeded");
                            }
                            cf->back = f;
                            cf->returns_to_await = true;
                            f = cf;
                            current_ = f;
                            break;
                        }
                        if (auto* nc = as_native_coroutine(aw.obj())) {
                            std::exception_ptr t = std::exchange(pending_throw_, nullptr);
                            f->await_state = 0;
                            Resumed r = resume_native(*nc, std::move(t));
                            if (r.kind == StepResult::Kind::yielded) {
                                f->await_state = 1;
                                f->pc--;
                                return suspend(f, r.awaited, owner_root(f));
                            }
                            if (r.kind == StepResult::Kind::raised) {
                                stack.pop_back();
                                std::rethrow_exception(r.error);
                            }
                            stack.back() = std::move(r.value);
                            break;
                        }
                        auto* fo = as_future_object(aw.obj());
                        FutureBase* fut = fo->future.get();
                        if (f->await_state == 1) {
                            f->await_state = 0;
                            if (pending_throw_) {
                                stack.pop_back();
                                std::rethrow_exception(std::exchange(pending_throw_, nullptr));
                            }
                            if (!fut->done()) raise(exc_types().RuntimeError, "await wasn't used with future");
                        }
                        if (!fut->done()) {
                            f->await_state = 1;
                            f->pc--;
                            return suspend(f, fut, owner_root(f));
                        }
                        Value result = future_result(in, *fo);
                        stack.back() = std::move(result);
                        break;
                    }
                    case Op::YIELD_VALUE: {
                        if (!f->is_entry) raise(exc_types().RuntimeError, "LoopLab: yield inside an awaited coroutine");
                        Value v = std::move(stack.back());
                        stack.pop_back();
                        Resumed r;
                        r.kind = StepResult::Kind::yielded;
                        r.value = std::move(v);
                        return r;
                    }
                    case Op::GET_AITER: {
                        Value& v = stack.back();
                        Value ai = v.is_object() ? v.type()->lookup("__aiter__") : Value();
                        if (ai.is_undefined())
                            raise_type_error("'async for' requires an object with __aiter__ method, got " + type_name(v));
                        v = call(in, ai, std::vector<Value>{v});
                        break;
                    }
                    case Op::GET_ANEXT: {
                        Value& v = stack.back();
                        Value an = v.type()->lookup("__anext__");
                        if (an.is_undefined())
                            raise_type_error("'async for' received an object from __aiter__ that does not implement __anext__: " +
                                             type_name(v));
                        Value aw = call(in, an, std::vector<Value>{v});
                        if (!is_awaitable_kind(aw))
                            raise_type_error("'async for' received an invalid object from __anext__: " + type_name(aw));
                        stack.push_back(std::move(aw));
                        break;
                    }
                    case Op::END_ASYNC_FOR: {
                        Value e = std::move(stack.back());
                        stack.pop_back();
                        if (e.type()->is_subtype(exc_types().StopAsyncIteration)) {
                            stack.pop_back();  // the async iterator
                            break;
                        }
                        exc = Ref<ExceptionObject>(e.as<ExceptionObject>());
                        add_traceback = false;
                        set_context = false;
                        goto unwind;
                    }
                    case Op::BEFORE_WITH:
                    case Op::BEFORE_ASYNC_WITH: {
                        bool is_async = op_of(ins) == Op::BEFORE_ASYNC_WITH;
                        Value mgr = std::move(stack.back());
                        stack.pop_back();
                        Value enter = mgr.type()->lookup(is_async ? "__aenter__" : "__enter__");
                        Value exit = mgr.type()->lookup(is_async ? "__aexit__" : "__exit__");
                        if (enter.is_undefined() || exit.is_undefined())
                            raise_type_error("'" + type_name(mgr) + "' object does not support the " +
                                             (is_async ? "asynchronous " : "") + "context manager protocol");
                        stack.push_back(Value(new BoundMethod(mgr, exit)));
                        Value r = call(in, enter, std::vector<Value>{mgr});
                        if (is_async && !is_awaitable_kind(r))
                            raise_type_error("'async with' received an object from __aenter__ that does not implement __await__: " +
                                             type_name(r));
                        stack.push_back(std::move(r));
                        break;
                    }
                    case Op::WITH_EXIT:
                    case Op::WITH_EXIT_ASYNC: {
                        bool is_async = op_of(ins) == Op::WITH_EXIT_ASYNC;
                        Value r;
                        if (arg == 0) {
                            Value exit = std::move(stack.back());
                            stack.pop_back();
                            r = call(in, exit, std::vector<Value>{Value::none(), Value::none(), Value::none()});
                        } else {
                            size_t n = stack.size();
                            Value e = stack[n - 1];
                            r = call(in, stack[n - 2], std::vector<Value>{Value(e.type()), e, Value::none()});
                        }
                        if (is_async) {
                            if (!is_awaitable_kind(r))
                                raise_type_error("'async with' received an object from __aexit__ that does not implement __await__: " +
                                                 type_name(r));
                            stack.push_back(std::move(r));
                        } else if (arg == 1) {
                            stack.push_back(std::move(r));
                        }
                        break;
                    }
                    case Op::IMPORT_NAME: {
                        const std::string& name = f->code->names[arg]->s;
                        if (!name.empty() && name[0] == '=') {
                            stack.push_back(in.import_module(std::string_view(name).substr(1)));
                        } else {
                            in.import_module(name);
                            stack.push_back(in.import_module(name.substr(0, name.find('.'))));
                        }
                        break;
                    }
                    case Op::IMPORT_FROM: {
                        Value mod = stack.back();
                        Str* name = f->code->names[arg];
                        Value v = getattr_or_undefined(in, mod, name);
                        if (v.is_undefined() && mod.type()->kind == Kind::module) {
                            std::string full = mod.as<Module>()->name + "." + name->s;
                            try {
                                v = in.import_module(full);
                            } catch (const PyErrorBase&) {
                                raise(exc_types().ImportError, "cannot import name '" + name->s + "' from '" +
                                                                   mod.as<Module>()->name + "' (unknown location)");
                            }
                        }
                        if (v.is_undefined()) raise(exc_types().ImportError, "cannot import name '" + name->s + "'");
                        stack.push_back(std::move(v));
                        break;
                    }
                    case Op::BUILD_CLASS: {
                        std::vector<Value> bases(std::make_move_iterator(stack.end() - arg), std::make_move_iterator(stack.end()));
                        stack.resize(stack.size() - arg);
                        Value name = std::move(stack.back());
                        stack.pop_back();
                        Value body = std::move(stack.back());
                        stack.pop_back();
                        stack.push_back(build_class(in, body, name.as<Str>()->s, std::move(bases)));
                        break;
                    }
                    case Op::SETUP_ANNOTATIONS: {
                        Dict* d = f->locals_dict.as<Dict>();
                        if (d->get_str("__annotations__").is_undefined()) d->set_str("__annotations__", Value(new Dict()));
                        break;
                    }
                }
            }
        } catch (const RunEnded&) {
            throw;
        } catch (const PyErrorBase& e) {
            exc = e.exc;
            add_traceback = true;
            set_context = true;
        } catch (const std::exception&) {
            exc = from_exception_ptr(std::current_exception());
            add_traceback = true;
            set_context = true;
        }
    unwind:
        // Unwind through the block stacks of this frame and its callers.
        for (;;) {
            if (add_traceback)
                exc->traceback.push_back(TracebackEntry{f->code, f->line(), Ref<Object>(f), f->code->column_at(f->pc ? f->pc - 1 : 0)});
            if (set_context) {
                Value ctx = handled_from(f);
                if (!ctx.is_undefined() && ctx.obj() != exc.get() && exc->context.is_undefined()) {
                    // Avoid cycles as _PyErr_SetObject does.
                    bool cycle = false;
                    for (Value c = ctx; !c.is_undefined(); c = c.as<ExceptionObject>()->context)
                        if (c.obj() == exc.get()) cycle = true;
                    if (!cycle) exc->context = ctx;
                }
                set_context = false;
            }
            add_traceback = true;
            if (!f->blocks.empty()) {
                Block b = f->blocks.back();
                f->blocks.pop_back();
                if (f->stack.size() > b.level) f->stack.resize(b.level);
                f->stack.push_back(Value(exc.get()));
                f->pc = b.handler;
                f->await_state = 0;
                exc = nullptr;
                break;
            }
            // Leave the frame.
            f->stack.clear();
            f->handling.clear();
            f->await_state = 0;
            if (f->owner && (f->is_entry || f->returns_to_await)) {
                f->owner->finished = true;
                f->owner->running = false;
            }
            if (f->is_entry) {
                Resumed r;
                r.kind = StepResult::Kind::raised;
                r.error = to_exception_ptr(exc);
                return r;
            }
            Frame* parent = f->back;
            f->back = nullptr;
            if (f->returns_to_await) {
                parent->stack.pop_back();  // the awaitable
            } else {
                in.leave_call();
                parent->callee = nullptr;
            }
            f = parent;
            current_ = f;
        }
    }
}

Value VM::handled_from(Frame* f) const {
    // A None entry is skipped, as _PyErr_GetTopmostException skips exc_info entries that
    // handle nothing.
    size_t k = entry_callers_.size();
    for (;;) {
        for (; f; f = f->back)
            if (!f->handling.empty() && !f->handling.back().is_none() && !f->handling.back().is_undefined())
                return f->handling.back();
        if (k == 0) return {};
        f = entry_callers_[--k];
    }
}

Resumed VM::suspend(Frame* leaf, FutureBase* awaited, CoroutineObject* root) {
    if (root) root->leaf = leaf;
    Resumed r;
    r.kind = StepResult::Kind::yielded;
    r.awaited = awaited;
    return r;
}

void VM::runaway(Frame* f) {
    std::string where = "line " + std::to_string(f->line()) + " of " + f->code->filename + " (in " + f->code->qualname + ")";
    TaskBase* task = nullptr;
    if (auto* loop = in_.runtime().running_loop()) task = loop->current_task();
    std::string who = task ? "task " + task->get_name() : std::string("the main program");
    throw RunEnded(4, "looplab: runaway: " + who + " ran " + std::to_string(instructions) +
                          " steps of Python code without yielding to the event loop, at " + where);
}

}  // namespace looplab::py
