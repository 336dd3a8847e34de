// Statements: Grammar/python.gram (3.11) from `statements` to `import_stmt`, with the
// invalid_* rules that report CPython's messages ("expected ':'", "expected an indented block
// after 'if' statement on line N", "cannot assign to ...", ...).
#include "parser_impl.hpp"

namespace looplab::py::detail {

namespace {
template <class T> std::unique_ptr<T> make(const Pos& p) {
    auto n = std::make_unique<T>();
    n->pos = p;
    return n;
}
template <class T> std::unique_ptr<T> make(StmtKind k, const Pos& p) {
    auto n = std::make_unique<T>(k);
    n->pos = p;
    return n;
}

bool is_augassign(const Token& t, Operator& op) {
    if (t.type != TokType::Op || t.text.size() < 2 || t.text.back() != '=') return false;
    std::string_view o = t.text.substr(0, t.text.size() - 1);
    static const std::pair<std::string_view, Operator> ops[] = {
        {"+", Operator::Add},     {"-", Operator::Sub},     {"*", Operator::Mult},
        {"@", Operator::MatMult}, {"/", Operator::Div},     {"%", Operator::Mod},
        {"&", Operator::BitAnd},  {"|", Operator::BitOr},   {"^", Operator::BitXor},
        {"<<", Operator::LShift}, {">>", Operator::RShift}, {"**", Operator::Pow},
        {"//", Operator::FloorDiv}};
    for (auto& [s, o2] : ops)
        if (s == o) {
            op = o2;
            return true;
        }
    return false;
}

// The leftmost atom of an expression (what a PEG lookahead at its first token would see).
const Expr& leftmost(const Expr& e) {
    const Expr* x = &e;
    for (;;) {
        const Expr* next = nullptr;
        switch (x->kind) {
        case ExprKind::BinOp: next = x->as<BinOp>().left.get(); break;
        case ExprKind::Attribute: next = x->as<Attribute>().value.get(); break;
        case ExprKind::Subscript: next = x->as<Subscript>().value.get(); break;
        case ExprKind::Call: next = x->as<Call>().func.get(); break;
        case ExprKind::Compare: next = x->as<Compare>().left.get(); break;
        case ExprKind::BoolOp: next = x->as<BoolOp>().values[0].get(); break;
        case ExprKind::IfExp: next = x->as<IfExp>().body.get(); break;
        default: break;
        }
        if (!next || next->pos.line != x->pos.line || next->pos.col != x->pos.col) return *x;
        x = next;
    }
}

}  // namespace

bool Parser::parenthesized_tuple(const Expr& e) const { return !is_bare_tuple(e); }

// What a `bitwise_or` is: an expression with no lower-precedence operator at its top.
bool Parser::is_bitwise_level(const Expr& e) const {
    switch (e.kind) {
    case ExprKind::BoolOp: case ExprKind::Compare: case ExprKind::IfExp: case ExprKind::Lambda:
    case ExprKind::Starred: case ExprKind::Yield: case ExprKind::YieldFrom: case ExprKind::NamedExpr:
        return false;
    case ExprKind::UnaryOp: return e.as<UnaryOp>().op != UnaryOpKind::Not;
    case ExprKind::Tuple: return parenthesized_tuple(e);
    default: return true;
    }
}

void Parser::statements(std::vector<StmtPtr>& out) {
    while (!at(TokType::Dedent) && !at(TokType::EndMarker)) statement(out);
}

void Parser::statement(std::vector<StmtPtr>& out) {
    bare_tuples_.clear();
    if (at(TokType::Indent)) invalid_syntax();  // "unexpected indent"
    if (StmtPtr s = compound_stmt()) {
        out.push_back(std::move(s));
        return;
    }
    simple_stmts(out);
}

// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
void Parser::simple_stmts(std::vector<StmtPtr>& out) {
    out.push_back(simple_stmt());
    while (eat_op(";")) {
        if (at(TokType::Newline)) break;
        out.push_back(simple_stmt());
    }
    if (!at(TokType::Newline)) invalid_syntax();
    take();
}

StmtPtr Parser::simple_stmt() {
    Guard g(*this);
    bare_tuples_.clear();
    const Token& t = cur();
    if (t.type == TokType::Name) {
        const Token first = t;
        if (t.text == "pass" || t.text == "break" || t.text == "continue") {
            take();
            if (first.text == "pass") return make<Pass>(pos_of(first));
            if (first.text == "break") return make<Break>(pos_of(first));
            return make<Continue>(pos_of(first));
        }
        if (t.text == "return") return return_stmt();
        if (t.text == "import") return import_stmt();
        if (t.text == "from") return from_import_stmt();
        if (t.text == "raise") return raise_stmt();
        if (t.text == "del") return del_stmt();
        if (t.text == "assert") return assert_stmt();
        if (t.text == "global") return global_stmt(false);
        if (t.text == "nonlocal") return global_stmt(true);
    }
    return expr_or_assign_stmt();
}

// assignment | star_expressions (and invalid_assignment).
StmtPtr Parser::expr_or_assign_stmt() {
    const Token first = cur();
    first_is_name_ = first.type == TokType::Name;
    ExprPtr lhs = at_kw("yield") ? yield_expr() : star_expressions();
    if (at_op(":")) {
        // annotated assignment: NAME ':' expression ['=' annotated_rhs] | single target ...
        const Token colon = cur();
        bool simple = false;
        switch (lhs->kind) {
        case ExprKind::Name: simple = first.type == TokType::Name; break;
        case ExprKind::Attribute: case ExprKind::Subscript: break;
        case ExprKind::Tuple:
            if (!parenthesized_tuple(*lhs)) {
                take();
                expression();
                raise_at("only single target (not tuple) can be annotated", lhs->as<Tuple>().elts[0]->pos);
            }
            [[fallthrough]];
        case ExprKind::List:
            take();
            expression();
            raise_at(std::string("only single target (not ") + expr_name(*lhs) + ") can be annotated", lhs->pos);
        default:
            take();
            expression();
            raise_at("illegal target for annotation", lhs->pos);
        }
        (void)colon;
        take();
        auto s = make<AnnAssign>(pos_of(first));
        set_store(*lhs, ExprContext::Store);
        s->target = std::move(lhs);
        s->annotation = expression();
        if (eat_op("=")) s->value = at_kw("yield") ? yield_expr() : star_expressions();
        s->simple = simple;
        s->pos = span_from(first);
        return s;
    }
    Operator op;
    if (is_augassign(cur(), op)) {
        if (lhs->kind == ExprKind::Yield || lhs->kind == ExprKind::YieldFrom) invalid_syntax();
        // single_target augassign ~ (yield_expr | star_expressions)
        bool ok = lhs->kind == ExprKind::Name || lhs->kind == ExprKind::Attribute ||
                  lhs->kind == ExprKind::Subscript;
        take();
        ExprPtr value = at_kw("yield") ? yield_expr() : star_expressions();
        if (!ok)
            raise_at(std::string("'") + expr_name(*lhs) + "' is an illegal expression for augmented assignment",
                     lhs->pos);
        auto s = make<AugAssign>(span_from(first));
        set_store(*lhs, ExprContext::Store);
        s->target = std::move(lhs);
        s->op = op;
        s->value = std::move(value);
        return s;
    }
    if (!at_op("=")) {
        auto s = make<ExprStmt>(span_from(first));
        s->value = std::move(lhs);
        return s;
    }
    // (star_targets '=')+ (yield_expr | star_expressions) !'='. A target is checked as soon as
    // the '=' after it is seen, as invalid_assignment does, before the rest is parsed.
    std::vector<ExprPtr> targets;
    targets.push_back(std::move(lhs));
    check_assign_target(targets, nullptr);
    ExprPtr value;
    for (;;) {
        take();  // '='
        ExprPtr rhs = at_kw("yield") ? yield_expr() : star_expressions();
        if (at_op("=")) {
            targets.push_back(std::move(rhs));
            check_assign_target(targets, nullptr);
            continue;
        }
        value = std::move(rhs);
        break;
    }
    auto s = make<Assign>(span_from(first));
    for (auto& t : targets) set_store(*t, ExprContext::Store);
    s->targets = std::move(targets);
    s->value = std::move(value);
    return s;
}

// invalid_assignment for the target just added to `targets` (followed by '='):
//   the first target may get invalid_named_expression's messages (`x = a or b, f() = 1` is
//   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", `f() = 1` is "cannot assign
//   to function call here. Maybe you meant '==' instead of '='?"); otherwise the first
//   invalid one gets "cannot assign to ..." / "assignment to yield expression not possible".
void Parser::check_assign_target(std::vector<ExprPtr>& targets, const Expr*) {
    const Expr& t = *targets.back();
    bool yield = t.kind == ExprKind::Yield || t.kind == ExprKind::YieldFrom;
    const Expr* bad = yield ? &t : invalid_target(t, STAR_TARGETS);
    if (!bad) return;
    const Expr& t1 = *targets[0];
    // invalid_named_expression on the first target:
    //   a=NAME '=' b=bitwise_or !('='|':=')                              (alternative 2)
    //   !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or '=' bitwise_or !('='|':=')  (3)
    const Expr& lm = leftmost(t1);
    bool excluded = lm.kind == ExprKind::List || lm.kind == ExprKind::GeneratorExp ||
                    (lm.kind == ExprKind::Tuple && parenthesized_tuple(lm)) ||
                    (lm.kind == ExprKind::Constant &&
                     (lm.as<Constant>().value.type == ConstValue::Type::None ||
                      lm.as<Constant>().value.type == ConstValue::Type::Bool));
    bool alt2 = t1.kind == ExprKind::Name && first_is_name_;
    bool alt3 = is_bitwise_level(t1) && !excluded;
    if (alt2 || alt3) {
        const Expr* b = nullptr;  // the bitwise_or after the first '='
        bool followed_by_assign = false;
        if (targets.size() > 1) {
            b = bitwise_prefix(*targets[1]);
            followed_by_assign = b == targets[1].get();
        } else {
            // Only the first target so far: read the bitwise_or that follows, PEG-style.
            size_t m = mark();
            take();
            ExprPtr rhs;
            if (starts_expression(cur()) && !at_kw("not") && !at_kw("lambda")) {
                ++no_invalid_;
                try {
                    rhs = bitwise_or();
                } catch (ParseError& e) {
                    --no_invalid_;
                    if (tokenizer_failed_ || e.info.unsupported) throw;
                    rhs = nullptr;
                }
                if (rhs) --no_invalid_;
                followed_by_assign = at_op("=") || at_op(":=");
            }
            if (rhs && !followed_by_assign) {
                if (alt2)
                    raise_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", t1.pos, rhs->pos);
                raise_at(std::string("cannot assign to ") + expr_name(t1) +
                             " here. Maybe you meant '==' instead of '='?",
                         t1.pos);
            }
            reset(m);
        }
        if (b && !followed_by_assign) {
            if (alt2) raise_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", t1.pos, b->pos);
            raise_at(std::string("cannot assign to ") + expr_name(t1) + " here. Maybe you meant '==' instead of '='?",
                     t1.pos);
        }
    }
    if (yield) raise_at("assignment to yield expression not possible", t.pos);
    raise_invalid_target(t, STAR_TARGETS);
}

// The leading bitwise_or of an expression (what PEG's bitwise_or would match at its start), or
// null when it does not start with one (`not x`, `lambda: 0`, `*a`).
const Expr* Parser::bitwise_prefix(const Expr& e) const {
    const Expr* x = &e;
    for (;;) {
        if (is_bitwise_level(*x)) return x;
        switch (x->kind) {
        case ExprKind::Tuple: x = x->as<Tuple>().elts[0].get(); break;
        case ExprKind::Compare: x = x->as<Compare>().left.get(); break;
        case ExprKind::BoolOp: x = x->as<BoolOp>().values[0].get(); break;
        case ExprKind::IfExp: x = x->as<IfExp>().body.get(); break;
        default: return nullptr;
        }
    }
}

StmtPtr Parser::return_stmt() {
    const Token kw = take();
    auto s = make<Return>(pos_of(kw));
    if (!at(TokType::Newline) && !at_op(";")) s->value = star_expressions();
    s->pos = span_from(kw);
    return s;
}

StmtPtr Parser::raise_stmt() {
    const Token kw = take();
    auto s = make<Raise>(pos_of(kw));
    if (!at(TokType::Newline) && !at_op(";")) {
        s->exc = expression();
        if (eat_kw("from")) s->cause = expression();
    }
    s->pos = span_from(kw);
    return s;
}

StmtPtr Parser::del_stmt() {
    const Token kw = take();
    ExprPtr targets = star_expressions();
    if (!at(TokType::Newline) && !at_op(";")) {
        // invalid_del_stmt only fires when the targets themselves are invalid.
        if (invalid_target(*targets, DEL_TARGETS)) raise_invalid_target(*targets, DEL_TARGETS);
        invalid_syntax();
    }
    auto s = make<Delete>(span_from(kw));
    validate_target(*targets, DEL_TARGETS);
    // del_targets: ','.del_target+ [','] -> one Delete with several targets.
    if (targets->kind == ExprKind::Tuple && !parenthesized_tuple(*targets)) {
        for (auto& e : targets->as<Tuple>().elts) s->targets.push_back(std::move(e));
    } else {
        s->targets.push_back(std::move(targets));
    }
    return s;
}

StmtPtr Parser::assert_stmt() {
    const Token kw = take();
    auto s = make<Assert>(pos_of(kw));
    s->test = expression();
    if (eat_op(",")) s->msg = expression();
    s->pos = span_from(kw);
    return s;
}

StmtPtr Parser::global_stmt(bool nonlocal) {
    const Token kw = take();
    std::vector<std::string> names;
    names.push_back(name_token());
    while (eat_op(",")) names.push_back(name_token());
    if (nonlocal) {
        auto s = make<Nonlocal>(span_from(kw));
        s->names = std::move(names);
        return s;
    }
    auto s = make<Global>(span_from(kw));
    s->names = std::move(names);
    return s;
}

std::string Parser::dotted_name() {
    std::string n = name_token();
    while (at_op(".")) {
        take();
        n += '.';
        n += name_token();
    }
    return n;
}

// import_name: 'import' dotted_as_names
StmtPtr Parser::import_stmt() {
    const Token kw = take();
    auto s = make<Import>(pos_of(kw));
    do {
        const Token first = cur();
        Alias a;
        a.name = dotted_name();
        if (eat_kw("as")) a.asname = name_token();
        a.pos = span_from(first);
        s->names.push_back(std::move(a));
    } while (eat_op(","));
    s->pos = span_from(kw);
    return s;
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets | ...
StmtPtr Parser::from_import_stmt() {
    const Token kw = take();
    auto s = make<ImportFrom>(pos_of(kw));
    while (at_op(".") || at_op("...")) s->level += int(take().text.size());
    if (!at_kw("import")) s->module = dotted_name();
    else if (s->level == 0) invalid_syntax();
    if (!eat_kw("import")) invalid_syntax();
    if (at_op("*")) {
        const Token star = take();
        Alias a;
        a.name = "*";
        a.pos = pos_of(star);
        s->names.push_back(std::move(a));
    } else {
        bool paren = eat_op("(");
        for (;;) {
            const Token first = cur();
            Alias a;
            a.name = name_token();
            if (eat_kw("as")) a.asname = name_token();
            a.pos = span_from(first);
            s->names.push_back(std::move(a));
            if (!eat_op(",")) break;
            if (paren && at_op(")")) break;
            if (!paren && at(TokType::Newline))
                raise_last("trailing comma not allowed without surrounding parentheses");
        }
        if (paren && !eat_op(")")) invalid_syntax();
    }
    s->pos = span_from(kw);
    return s;
}

// match_stmt: "match" subject_expr ':' NEWLINE ... -> not supported; recognised so the error
// names the construct. Anything else starting with the soft keyword `match` is an expression.
bool Parser::match_stmt_ahead() {
    if (!at_kw("match")) return false;
    const Token& n = ahead(1);
    if (!(starts_expression(n) || n.is_op("*")) || n.is_op("(") || n.is_op("[") || n.is_op("-") ||
        n.is_op("+") || n.is_op("~") || n.is_op("*")) {
        // `match(x)`, `match[x]`, `match - x` ... are probably expressions; decide by the ':'
        if (!(n.is_op("(") || n.is_op("[") || n.is_op("-") || n.is_op("+") || n.is_op("~") ||
              n.is_op("*")))
            return false;
    }
    size_t m = mark();
    bool is_match = false;
    try {
        take();
        star_expressions();
        is_match = at_op(":") && ahead(1).type == TokType::Newline;
    } catch (ParseError&) {
        if (tokenizer_failed_) throw;
    }
    reset(m);
    return is_match;
}

}  // namespace looplab::py::detail
