// Parameters (def and lambda) and assignment targets: Grammar/python.gram (3.11) parameters,
// lambda_parameters, star_targets, del_targets, with invalid_parameters, invalid_star_etc,
// invalid_kwds, invalid_default and the target helpers of Parser/pegen.c
// (_PyPegen_get_expr_name, _PyPegen_get_invalid_target).
#include "parser_impl.hpp"

namespace looplab::py::detail {

std::string Parser::name_token() {
    if (!at_name()) invalid_syntax();
    return std::string(take().text);
}

// param: NAME annotation?   (lambda_param: NAME)
Arg Parser::param(bool lambda) {
    const Token first = cur();
    Arg a;
    a.arg = name_token();
    if (!lambda && eat_op(":")) a.annotation = expression();
    a.pos = span_from(first);
    return a;
}

// parameters / lambda_parameters, read up to ')' (def) or ':' (lambda).
void Parser::parameters(Arguments& args, bool lambda) {
    const char* end = lambda ? ":" : ")";
    std::vector<Arg> positional;
    bool seen_default = false, slash = false, star = false, kwarg = false;
    while (!at_op(end)) {
        if (kwarg) {
            // invalid_kwds: '**' param ',' (param | '*' | '**' | '/')
            if (at_name()) {
                Arg a = param(lambda);
                raise_at("arguments cannot follow var-keyword argument", a.pos);
            }
            if (at_op("*") || at_op("**") || at_op("/"))
                raise_at("arguments cannot follow var-keyword argument", cur());
            invalid_syntax();
        }
        if (at_op("/")) {
            const Token t = take();
            if (positional.empty() && args.posonlyargs.empty() && !star) {
                if (at_op(",")) raise_at("at least one argument must precede /", t);
                invalid_syntax();
            }
            if (slash) raise_at("/ may appear only once", t);
            if (star) raise_at("/ must be ahead of *", t);
            args.posonlyargs = std::move(positional);
            positional.clear();
            slash = true;
        } else if (at_op("*")) {
            const Token t = take();
            if (star) raise_at("* argument may appear only once", t);
            star = true;
            if (at_op(",") || at_op(end)) {
                // bare '*': must be followed by keyword-only parameters
                if (at_op(end) || ahead(1).is_op(end) || ahead(1).is_op("**")) {
                    // invalid_star_etc (def: at the '*'); invalid_lambda_star_etc: RAISE_SYNTAX_ERROR
                    if (lambda) {
                        if (!at_op(end)) take();
                        take();
                        raise_last("named arguments must follow bare *");
                    }
                    raise_at("named arguments must follow bare *", t);
                }
            } else {
                args.vararg = param(lambda);
                if (at_op("=")) raise_at("var-positional argument cannot have default value", cur());
            }
        } else if (at_op("**")) {
            take();
            args.kwarg = param(lambda);
            if (at_op("=")) raise_at("var-keyword argument cannot have default value", cur());
            kwarg = true;
        } else {
            if (!at_name()) {
                if (at_op("(")) {
                    // invalid_parameters: param_no_default* '(' param_no_default+ ','? ')'
                    const Token open = cur();
                    size_t m = mark();
                    take();
                    bool ok = at_name();
                    while (ok && at_name()) {
                        param(lambda);
                        if (!eat_op(",")) break;
                    }
                    if (ok && at_op(")"))
                        raise_range(lambda ? "Lambda expression parameters cannot be parenthesized"
                                           : "Function parameters cannot be parenthesized",
                                    pos_of(open), pos_of(cur()));
                    reset(m);
                }
                invalid_syntax();
            }
            Arg a = param(lambda);
            if (at_op("=")) {
                const Token eq = take();
                // invalid_default: '=' &(')'|',')  (a lambda's ':' is just invalid syntax)
                if (at_op(",") || (!lambda && at_op(end))) raise_at("expected default value expression", eq);
                ExprPtr d = expression();
                if (star) {
                    args.kwonlyargs.push_back(std::move(a));
                    args.kw_defaults.push_back(std::move(d));
                } else {
                    positional.push_back(std::move(a));
                    args.defaults.push_back(std::move(d));
                    seen_default = true;
                }
            } else if (star) {
                args.kwonlyargs.push_back(std::move(a));
                args.kw_defaults.push_back(nullptr);
            } else {
                if (seen_default) raise_at("non-default argument follows default argument", a.pos);
                positional.push_back(std::move(a));
            }
        }
        if (!eat_op(",")) break;
    }
    args.args = std::move(positional);
}

// _PyPegen_get_expr_name
const char* Parser::expr_name(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp: case ExprKind::BinOp: case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
        const ConstValue& v = e.as<Constant>().value;
        if (v.type == ConstValue::Type::None) return "None";
        if (v.type == ConstValue::Type::Bool) return v.b ? "True" : "False";
        if (v.type == ConstValue::Type::Ellipsis) return "ellipsis";
        return "literal";
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    }
    return "expression";
}

// _PyPegen_get_invalid_target: the first sub-expression that cannot be assigned (deleted).
const Expr* Parser::invalid_target(const Expr& e, int type) const {
    switch (e.kind) {
    case ExprKind::List:
        for (auto& x : e.as<List>().elts)
            if (const Expr* c = invalid_target(*x, type)) return c;
        return nullptr;
    case ExprKind::Tuple:
        for (auto& x : e.as<Tuple>().elts)
            if (const Expr* c = invalid_target(*x, type)) return c;
        return nullptr;
    case ExprKind::Starred:
        if (type == DEL_TARGETS) return &e;
        return invalid_target(*e.as<Starred>().value, type);
    case ExprKind::Compare:
        // `for a in b` parses as a comparison when the target is parsed as an expression.
        if (type == FOR_TARGETS) {
            const auto& c = e.as<Compare>();
            if (c.ops[0] == CmpOp::In) return invalid_target(*c.left, type);
            return nullptr;
        }
        return &e;
    case ExprKind::Name: case ExprKind::Subscript: case ExprKind::Attribute: return nullptr;
    default: return &e;
    }
}

// RAISE_SYNTAX_ERROR_INVALID_TARGET
void Parser::raise_invalid_target(const Expr& e, int type) {
    const Expr* bad = invalid_target(e, type);
    if (!bad) invalid_syntax();
    raise_at(std::string(type == DEL_TARGETS ? "cannot delete " : "cannot assign to ") + expr_name(*bad),
             bad->pos);
}

void Parser::set_store(Expr& e, ExprContext ctx) {
    switch (e.kind) {
    case ExprKind::Name: e.as<Name>().ctx = ctx; break;
    case ExprKind::Attribute: e.as<Attribute>().ctx = ctx; break;
    case ExprKind::Subscript: e.as<Subscript>().ctx = ctx; break;
    case ExprKind::Starred:
        e.as<Starred>().ctx = ctx;
        set_store(*e.as<Starred>().value, ctx);
        break;
    case ExprKind::List:
        e.as<List>().ctx = ctx;
        for (auto& x : e.as<List>().elts) set_store(*x, ctx);
        break;
    case ExprKind::Tuple:
        e.as<Tuple>().ctx = ctx;
        for (auto& x : e.as<Tuple>().elts) set_store(*x, ctx);
        break;
    default: break;
    }
}

void Parser::validate_target(Expr& e, int type) {
    if (invalid_target(e, type)) raise_invalid_target(e, type);
    set_store(e, type == DEL_TARGETS ? ExprContext::Del : ExprContext::Store);
}

// star_targets: star_target !',' | star_target (',' star_target)* [','] -> Tuple.
// Elements are parsed as bitwise_or (so `for x in y` stops before `in`); validate_target()
// then reports what cannot be assigned, as invalid_for_target / invalid_with_item do.
ExprPtr Parser::star_target() {
    if (at_op("*")) {
        const Token star = take();
        ExprPtr v = bitwise_or();
        auto s = std::make_unique<Starred>();
        s->pos = span_from(star);
        s->value = std::move(v);
        tree_depth(ld_ + 1);
        return s;
    }
    return bitwise_or();
}

ExprPtr Parser::star_targets() {
    Guard g(*this);
    const Token first = cur();
    ExprPtr e = star_target();
    if (!at_op(",")) return e;
    int d = ld_;
    auto t = std::make_unique<Tuple>();
    t->elts.push_back(std::move(e));
    while (eat_op(",")) {
        if (!(starts_expression(cur()) || at_op("*")) || at_kw("not") || at_kw("lambda")) break;
        t->elts.push_back(star_target());
        d = std::max(d, ld_);
    }
    t->pos = span_from(first);
    bare_tuples_.push_back(t.get());
    tree_depth(d + 1);
    return t;
}

}  // namespace looplab::py::detail
