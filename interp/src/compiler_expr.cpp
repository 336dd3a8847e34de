// AST -> bytecode: expressions, functions, comprehensions (CPython Python/compile.c).
#include "compiler_impl.hpp"

#include "looplab/py/dict.hpp"

namespace looplab::py::detail {

namespace {
Value const_value(const ConstValue& c) {
    switch (c.type) {
        case ConstValue::Type::None: return Value::none();
        case ConstValue::Type::Bool: return Value::boolean(c.b);
        case ConstValue::Type::Int: return Value::integer(c.i);
        case ConstValue::Type::Float: return Value::floating(c.f);
        case ConstValue::Type::Str: return make_str(c.s);
        case ConstValue::Type::Bytes: return Value(new Bytes(c.s));
        case ConstValue::Type::Ellipsis: return ellipsis();
    }
    return Value::none();
}
bool has_starred(const std::vector<ExprPtr>& v) {
    for (auto& e : v)
        if (e->kind == ExprKind::Starred) return true;
    return false;
}
}  // namespace

void Compiler::expr(const Expr& e) {
    set_line(e.pos);
    switch (e.kind) {
        case ExprKind::Constant: load_const(const_value(e.as<Constant>().value)); break;
        case ExprKind::Name: {
            auto& n = e.as<Name>();
            load_name(n.id, n.pos);
            mark_columns(here() - 1, e.pos);  // NameError / UnboundLocalError
            break;
        }
        case ExprKind::Attribute: {
            auto& a = e.as<Attribute>();
            expr(*a.value);
            set_line(e.pos);
            mark_columns(emit(Op::LOAD_ATTR, name_index(a.attr)), e.pos);
            break;
        }
        case ExprKind::Subscript: {
            auto& s = e.as<Subscript>();
            expr(*s.value);
            subscript_slice(*s.slice);
            set_line(e.pos);
            mark_columns(emit(Op::BINARY_SUBSCR), e.pos);
            break;
        }
        case ExprKind::Slice: subscript_slice(e); break;
        case ExprKind::BinOp: {
            auto& b = e.as<BinOp>();
            expr(*b.left);
            expr(*b.right);
            set_line(e.pos);
            mark_columns(emit(Op::BINARY_OP, uint32_t(b.op)), e.pos);
            break;
        }
        case ExprKind::UnaryOp: {
            auto& o = e.as<UnaryOp>();
            expr(*o.operand);
            set_line(e.pos);
            mark_columns(here(), e.pos);
            switch (o.op) {
                case UnaryOpKind::Not: emit(Op::UNARY_NOT); break;
                case UnaryOpKind::USub: emit(Op::UNARY_NEGATIVE); break;
                case UnaryOpKind::UAdd: emit(Op::UNARY_POSITIVE); break;
                case UnaryOpKind::Invert: emit(Op::UNARY_INVERT); break;
            }
            break;
        }
        case ExprKind::BoolOp: boolop(e.as<BoolOp>()); break;
        case ExprKind::Compare: compare(e.as<Compare>()); break;
        case ExprKind::Call: call(e.as<Call>()); break;
        case ExprKind::IfExp: {
            auto& i = e.as<IfExp>();
            std::vector<uint32_t> to_else;
            jump_if(*i.test, false, to_else);
            expr(*i.body);
            uint32_t to_end = emit(Op::JUMP);
            for (auto j : to_else) patch(j, here());
            expr(*i.orelse);
            patch(to_end, here());
            break;
        }
        case ExprKind::Lambda: lambda(e.as<Lambda>()); break;
        case ExprKind::NamedExpr: {
            auto& n = e.as<NamedExpr>();
            expr(*n.value);
            emit(Op::DUP_TOP);
            store_name(n.target->as<Name>().id, n.target->pos);
            break;
        }
        case ExprKind::Tuple: sequence(e.as<ast::Tuple>().elts, Op::BUILD_TUPLE, Op::LIST_EXTEND, true); break;
        case ExprKind::List: sequence(e.as<ast::List>().elts, Op::BUILD_LIST, Op::LIST_EXTEND, false); break;
        case ExprKind::Set: {
            // starunpack_helper: 3+ constants are merged from a folded frozenset.
            const auto& elts = e.as<ast::Set>().elts;
            if (elts.size() > 2) {
                Value folded = frozenset_constant(elts);
                if (!folded.is_undefined()) {
                    emit(Op::BUILD_SET, 0);
                    load_const(std::move(folded));
                    emit(Op::SET_UPDATE, 1);
                    break;
                }
            }
            sequence(elts, Op::BUILD_SET, Op::SET_UPDATE, false);
            break;
        }
        case ExprKind::Dict: dict_display(e.as<ast::Dict>()); break;
        case ExprKind::ListComp: {
            auto& c = e.as<ListComp>();
            comprehension(e, c.generators, c.elt.get(), nullptr);
            break;
        }
        case ExprKind::SetComp: {
            auto& c = e.as<SetComp>();
            comprehension(e, c.generators, c.elt.get(), nullptr);
            break;
        }
        case ExprKind::DictComp: {
            auto& c = e.as<DictComp>();
            comprehension(e, c.generators, c.key.get(), c.value.get());
            break;
        }
        case ExprKind::GeneratorExp: {
            auto& c = e.as<GeneratorExp>();
            comprehension(e, c.generators, c.elt.get(), nullptr);
            break;
        }
        case ExprKind::Await: {
            auto& a = e.as<Await>();
            using K = SymbolTable::Kind;
            if (u().table->kind == K::module || u().table->kind == K::klass) error("'await' outside function", e.pos);
            if (!in_async_scope()) {
                if (u().table->kind == K::comprehension)
                    error("asynchronous comprehension outside of an asynchronous function", e.pos);
                error("'await' outside async function", e.pos);
            }
            expr(*a.value);
            set_line(e.pos);
            mark_columns(emit(Op::GET_AWAITABLE), e.pos);
            mark_columns(emit(Op::AWAIT), e.pos);
            break;
        }
        case ExprKind::Yield: {
            auto& y = e.as<Yield>();
            if (u().table->kind != SymbolTable::Kind::function) error("'yield' outside function", e.pos);
            if (y.value) expr(*y.value);
            else load_const(Value::none());
            set_line(e.pos);
            emit(Op::YIELD_VALUE);
            break;
        }
        case ExprKind::YieldFrom:
            error("LoopLab does not support 'yield from' (use 'await' in async def)", e.pos);
        case ExprKind::JoinedStr: joined_str(e.as<JoinedStr>()); break;
        case ExprKind::FormattedValue: {
            formatted_value(e.as<FormattedValue>());
            break;
        }
        case ExprKind::Starred: error("can't use starred expression here", e.pos);
    }
}

void Compiler::subscript_slice(const Expr& s) {
    if (s.kind != ExprKind::Slice) {
        expr(s);
        return;
    }
    auto& sl = s.as<ast::Slice>();
    if (sl.lower) expr(*sl.lower);
    else load_const(Value::none());
    if (sl.upper) expr(*sl.upper);
    else load_const(Value::none());
    if (sl.step) {
        expr(*sl.step);
        emit(Op::BUILD_SLICE, 3);
    } else {
        emit(Op::BUILD_SLICE, 2);
    }
}

void Compiler::boolop(const BoolOp& b) {
    std::vector<uint32_t> ends;
    Op jump = b.op == BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
    for (size_t i = 0; i < b.values.size(); ++i) {
        expr(*b.values[i]);
        if (i + 1 < b.values.size()) ends.push_back(emit(jump));
    }
    for (auto j : ends) patch(j, here());
}

void Compiler::jump_if(const Expr& e, bool cond, std::vector<uint32_t>& jumps) {
    if (e.kind == ExprKind::UnaryOp && e.as<UnaryOp>().op == UnaryOpKind::Not) {
        jump_if(*e.as<UnaryOp>().operand, !cond, jumps);
        return;
    }
    if (e.kind == ExprKind::BoolOp) {
        auto& b = e.as<BoolOp>();
        bool is_and = b.op == BoolOpKind::And;
        if (is_and != cond) {
            // and/false or or/true: any operand deciding jumps.
            for (auto& v : b.values) jump_if(*v, cond, jumps);
        } else {
            std::vector<uint32_t> skip;
            for (size_t i = 0; i + 1 < b.values.size(); ++i) jump_if(*b.values[i], !cond, skip);
            jump_if(*b.values.back(), cond, jumps);
            for (auto j : skip) patch(j, here());
        }
        return;
    }
    expr(e);
    jumps.push_back(emit(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE));
}

void Compiler::compare(const Compare& c) {
    expr(*c.left);
    // fold_compare: a constant set display as the last comparator of `in` / `not in`.
    const auto right = [&](size_t i) {
        const bool last_in = i + 1 == c.ops.size() && (c.ops[i] == CmpOp::In || c.ops[i] == CmpOp::NotIn);
        if (last_in) iterable(*c.comparators[i]);
        else expr(*c.comparators[i]);
    };
    if (c.ops.size() == 1) {
        right(0);
        set_line(c.pos);
        mark_columns(emit(Op::COMPARE_OP, uint32_t(c.ops[0])), c.pos);
        return;
    }
    std::vector<uint32_t> cleanup;
    for (size_t i = 0; i < c.ops.size(); ++i) {
        right(i);
        set_line(c.pos);
        if (i + 1 < c.ops.size()) {
            emit(Op::DUP_TOP);
            emit(Op::ROT_THREE);
            mark_columns(emit(Op::COMPARE_OP, uint32_t(c.ops[i])), c.pos);
            cleanup.push_back(emit(Op::JUMP_IF_FALSE_OR_POP));
        } else {
            mark_columns(emit(Op::COMPARE_OP, uint32_t(c.ops[i])), c.pos);
        }
    }
    uint32_t to_end = emit(Op::JUMP);
    for (auto j : cleanup) patch(j, here());
    emit(Op::ROT_TWO);
    emit(Op::POP_TOP);
    patch(to_end, here());
}

void Compiler::call(const Call& c) {
    bool starred = has_starred(c.args);
    bool kw_unpack = false;
    for (auto& k : c.keywords)
        if (!k.arg) kw_unpack = true;
    // Duplicate keyword check (CPython: "keyword argument repeated: x").
    for (size_t i = 0; i < c.keywords.size(); ++i)
        for (size_t j = 0; j < i; ++j)
            if (c.keywords[i].arg && c.keywords[j].arg && *c.keywords[i].arg == *c.keywords[j].arg)
                error("keyword argument repeated: " + *c.keywords[i].arg, c.keywords[i].pos);
    if (!starred && !kw_unpack && c.keywords.empty() && c.func->kind == ExprKind::Attribute) {
        auto& a = c.func->as<Attribute>();
        expr(*a.value);
        set_line(c.func->pos);
        mark_columns(emit(Op::LOAD_METHOD, name_index(a.attr)), c.func->pos);
        for (auto& arg : c.args) expr(*arg);
        set_line(c.pos);
        mark_columns(emit(Op::CALL_METHOD, uint32_t(c.args.size())), c.pos);
        return;
    }
    expr(*c.func);
    if (!starred && !kw_unpack) {
        for (auto& arg : c.args) expr(*arg);
        if (c.keywords.empty()) {
            set_line(c.pos);
            mark_columns(emit(Op::CALL, uint32_t(c.args.size())), c.pos);
            return;
        }
        std::vector<Value> names;
        for (auto& k : c.keywords) {
            expr(*k.value);
            names.push_back(Value(intern(*k.arg)));
        }
        load_const(make_tuple(std::move(names)));
        set_line(c.pos);
        mark_columns(emit(Op::CALL_KW, uint32_t(c.args.size() + c.keywords.size())), c.pos);
        return;
    }
    // General form: positional tuple + keyword dict.
    emit(Op::BUILD_LIST, 0);
    for (auto& arg : c.args) {
        if (arg->kind == ExprKind::Starred) {
            expr(*arg->as<Starred>().value);
            emit(Op::LIST_EXTEND, 1);
        } else {
            expr(*arg);
            emit(Op::LIST_APPEND, 1);
        }
    }
    emit(Op::LIST_TO_TUPLE);
    if (!c.keywords.empty()) {
        emit(Op::BUILD_MAP, 0);
        for (auto& k : c.keywords) {
            if (k.arg) {
                load_const(Value(intern(*k.arg)));
                expr(*k.value);
                emit(Op::MAP_ADD, 1);
            } else {
                expr(*k.value);
                emit(Op::DICT_MERGE, 1);
            }
        }
    }
    set_line(c.pos);
    mark_columns(emit(Op::CALL_EX, c.keywords.empty() ? 0 : 1), c.pos);
}

void Compiler::sequence(const std::vector<ExprPtr>& elts, Op build, Op extend, bool to_tuple) {
    if (!has_starred(elts)) {
        for (auto& e : elts) expr(*e);
        emit(build, uint32_t(elts.size()));
        return;
    }
    bool is_set = build == Op::BUILD_SET;
    emit(is_set ? Op::BUILD_SET : Op::BUILD_LIST, 0);
    for (auto& e : elts) {
        if (e->kind == ExprKind::Starred) {
            expr(*e->as<Starred>().value);
            emit(extend, 1);
        } else {
            expr(*e);
            emit(is_set ? Op::SET_ADD : Op::LIST_APPEND, 1);
        }
    }
    if (to_tuple) emit(Op::LIST_TO_TUPLE);
}

void Compiler::dict_display(const ast::Dict& d) {
    emit(Op::BUILD_MAP, 0);
    for (size_t i = 0; i < d.keys.size(); ++i) {
        if (d.keys[i]) {
            expr(*d.keys[i]);
            expr(*d.values[i]);
            emit(Op::MAP_ADD, 1);
        } else {
            expr(*d.values[i]);
            emit(Op::DICT_UPDATE, 1);
        }
    }
}

void Compiler::make_function(const void* node, const Arguments& args, int firstline, const std::string& name,
                             bool is_lambda) {
    // Defaults are evaluated in the enclosing scope, before the function exists.
    uint32_t flags = 0;
    if (!args.defaults.empty()) {
        for (auto& d : args.defaults) expr(*d);
        emit(Op::BUILD_TUPLE, uint32_t(args.defaults.size()));
        flags |= kFuncDefaults;
    }
    bool any_kw = false;
    for (auto& d : args.kw_defaults)
        if (d) any_kw = true;
    if (any_kw) {
        emit(Op::BUILD_MAP, 0);
        for (size_t i = 0; i < args.kwonlyargs.size(); ++i) {
            if (!args.kw_defaults[i]) continue;
            load_const(Value(intern(args.kwonlyargs[i].arg)));
            expr(*args.kw_defaults[i]);
            emit(Op::MAP_ADD, 1);
        }
        flags |= kFuncKwDefaults;
    }
    std::string qual = qualname_for(name);
    enter(node, name, qual, firstline);
    auto& code = *u().code;
    code.argcount = int(args.posonlyargs.size() + args.args.size());
    code.posonlyargcount = int(args.posonlyargs.size());
    code.kwonlyargcount = int(args.kwonlyargs.size());
    code.varargs = bool(args.vararg);
    code.varkeywords = bool(args.kwarg);
    if (is_lambda) {
        auto& l = *static_cast<const Lambda*>(static_cast<const Expr*>(node));
        expr(*l.body);
        emit(Op::RETURN_VALUE);
    } else {
        auto& f = *static_cast<const FunctionDef*>(static_cast<const Stmt*>(node));
        u().line = f.pos.line;
        if (code.is_generator || code.is_async_generator) emit(Op::GEN_START);
        // The docstring is the first constant (CPython keeps it in co_consts[0]).
        if (!f.body.empty() && f.body[0]->kind == StmtKind::ExprStmt &&
            f.body[0]->as<ExprStmt>().value->kind == ExprKind::Constant &&
            f.body[0]->as<ExprStmt>().value->as<Constant>().value.type == ConstValue::Type::Str) {
            code.consts.push_back(make_str(f.body[0]->as<ExprStmt>().value->as<Constant>().value.s));
        } else {
            code.consts.push_back(Value::none());
        }
        body(f.body);
        load_const(Value::none());
        emit(Op::RETURN_VALUE);
    }
    Ref<Code> child = leave();
    if (!child->freevars.empty()) {
        for (auto& n : child->freevars) emit(Op::LOAD_CLOSURE, u().cells.at(n));
        emit(Op::BUILD_TUPLE, uint32_t(child->freevars.size()));
        flags |= kFuncClosure;
    }
    load_const(Value(child.get()));
    load_const(make_str(qual));
    emit(Op::MAKE_FUNCTION, flags);
}

void Compiler::lambda(const Lambda& l) { make_function(&l, l.args, l.pos.line, "<lambda>", true); }

void Compiler::comprehension(const Expr& e, const std::vector<Comprehension>& gens, const Expr* elt,
                             const Expr* value) {
    const char* name = e.kind == ExprKind::ListComp  ? "<listcomp>"
                       : e.kind == ExprKind::SetComp ? "<setcomp>"
                       : e.kind == ExprKind::DictComp ? "<dictcomp>"
                                                      : "<genexpr>";
    std::string qual = qualname_for(name);
    enter(&e, name, qual, e.pos.line);
    auto& code = *u().code;
    code.argcount = 1;
    bool is_gen = e.kind == ExprKind::GeneratorExp;
    if (is_gen) emit(Op::GEN_START);
    else if (e.kind == ExprKind::ListComp) emit(Op::BUILD_LIST, 0);
    else if (e.kind == ExprKind::SetComp) emit(Op::BUILD_SET, 0);
    else emit(Op::BUILD_MAP, 0);
    comprehension_loop(e, gens, 0, elt, value, 1);
    if (is_gen) load_const(Value::none());
    emit(Op::RETURN_VALUE);
    Ref<Code> child = leave();
    set_line(e.pos);
    uint32_t flags = 0;
    if (!child->freevars.empty()) {
        for (auto& n : child->freevars) emit(Op::LOAD_CLOSURE, u().cells.at(n));
        emit(Op::BUILD_TUPLE, uint32_t(child->freevars.size()));
        flags |= kFuncClosure;
    }
    load_const(Value(child.get()));
    load_const(make_str(qual));
    emit(Op::MAKE_FUNCTION, flags);
    iterable(*gens[0].iter);
    set_line(e.pos);
    emit(gens[0].is_async ? Op::GET_AITER : Op::GET_ITER);
    // The caller's frame stands at the comprehension while it runs: its whole span.
    mark_columns(emit(Op::CALL, 1), e.pos);
    if (child->is_coroutine) {
        mark_columns(emit(Op::GET_AWAITABLE), e.pos);
        mark_columns(emit(Op::AWAIT), e.pos);
    }
}

void Compiler::comprehension_loop(const Expr& e, const std::vector<Comprehension>& gens, size_t gi,
                                  const Expr* elt, const Expr* value, int depth) {
    const Comprehension& g = gens[gi];
    if (gi == 0) emit(Op::LOAD_FAST, 0);  // .0: the iterator the caller made
    else {
        iterable(*g.iter);
        emit(g.is_async ? Op::GET_AITER : Op::GET_ITER);
    }
    uint32_t top = here();
    uint32_t exit_jump = 0;
    if (g.is_async) {
        exit_jump = emit(Op::SETUP_FINALLY);
        emit(Op::DUP_TOP);
        emit(Op::GET_ANEXT);
        emit(Op::AWAIT);
        emit(Op::POP_BLOCK);
    } else {
        exit_jump = emit(Op::FOR_ITER);
    }
    assign_target(*g.target);
    std::vector<uint32_t> skips;
    for (auto& cond : g.ifs) jump_if(*cond, false, skips);
    if (gi + 1 < gens.size()) {
        comprehension_loop(e, gens, gi + 1, elt, value, depth + 1);
    } else {
        switch (e.kind) {
            case ExprKind::GeneratorExp:
                expr(*elt);
                emit(Op::YIELD_VALUE);
                emit(Op::POP_TOP);
                break;
            case ExprKind::ListComp:
                expr(*elt);
                emit(Op::LIST_APPEND, uint32_t(depth + 1));
                break;
            case ExprKind::SetComp:
                expr(*elt);
                emit(Op::SET_ADD, uint32_t(depth + 1));
                break;
            default:
                expr(*elt);
                expr(*value);
                emit(Op::MAP_ADD, uint32_t(depth + 1));
                break;
        }
    }
    for (auto j : skips) patch(j, here());
    emit(Op::JUMP, top);
    patch(exit_jump, here());
    if (g.is_async) emit(Op::END_ASYNC_FOR);
}

void Compiler::joined_str(const JoinedStr& j) {
    size_t n = 0;
    for (auto& v : j.values) {
        if (v->kind == ExprKind::Constant) {
            load_const(const_value(v->as<Constant>().value));
        } else {
            formatted_value(v->as<FormattedValue>());
        }
        ++n;
    }
    if (n == 1 && j.values[0]->kind == ExprKind::Constant) return;
    emit(Op::BUILD_STRING, uint32_t(n));
}

void Compiler::formatted_value(const FormattedValue& f) {
    expr(*f.value);
    uint32_t flags = kFormatNone;
    if (f.conversion == 's') flags = kFormatStr;
    else if (f.conversion == 'r') flags = kFormatRepr;
    else if (f.conversion == 'a') flags = kFormatAscii;
    if (f.format_spec) {
        if (f.format_spec->kind == ExprKind::JoinedStr) joined_str(f.format_spec->as<JoinedStr>());
        else expr(*f.format_spec);
        flags |= kFormatWithSpec;
    }
    set_line(f.pos);
    emit(Op::FORMAT_VALUE, flags);
}

}  // namespace looplab::py::detail
