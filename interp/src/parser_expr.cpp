// Expressions: Grammar/python.gram (3.11) from star_expressions down to primary, with the
// invalid_expression / invalid_named_expression / invalid_legacy_expression rules.
#include <algorithm>

#include "parser_impl.hpp"

namespace looplab::py::detail {

namespace {
template <class T> std::unique_ptr<T> make(const Pos& p) {
    auto n = std::make_unique<T>();
    n->pos = p;
    return n;
}

bool binary_op(int prec, const Token& t, Operator& op) {
    if (t.type != TokType::Op) return false;
    std::string_view s = t.text;
    switch (prec) {
    case 0: if (s == "|") { op = Operator::BitOr; return true; } return false;
    case 1: if (s == "^") { op = Operator::BitXor; return true; } return false;
    case 2: if (s == "&") { op = Operator::BitAnd; return true; } return false;
    case 3:
        if (s == "<<") { op = Operator::LShift; return true; }
        if (s == ">>") { op = Operator::RShift; return true; }
        return false;
    case 4:
        if (s == "+") { op = Operator::Add; return true; }
        if (s == "-") { op = Operator::Sub; return true; }
        return false;
    case 5:
        if (s == "*") { op = Operator::Mult; return true; }
        if (s == "/") { op = Operator::Div; return true; }
        if (s == "//") { op = Operator::FloorDiv; return true; }
        if (s == "%") { op = Operator::Mod; return true; }
        if (s == "@") { op = Operator::MatMult; return true; }
        return false;
    }
    return false;
}
}  // namespace

bool Parser::starts_expression(const Token& t) {
    switch (t.type) {
    case TokType::Name:
        if (!is_keyword(t.text)) return true;
        return t.text == "not" || t.text == "lambda" || t.text == "await" || t.text == "None" ||
               t.text == "True" || t.text == "False";
    case TokType::Number:
    case TokType::String: return true;
    case TokType::Op:
        return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" || t.text == "+" ||
               t.text == "~" || t.text == "...";
    default: return false;
    }
}

// star_expressions: star_expression (',' star_expression)* [','] -> Tuple when there is a comma.
ExprPtr Parser::star_expressions() {
    Guard g(*this);
    const Token first = cur();
    ExprPtr e = star_expression();
    if (!at_op(",")) return e;
    int d = ld_;
    auto t = make<Tuple>(pos_of(first));
    t->elts.push_back(std::move(e));
    while (eat_op(",")) {
        if (!(starts_expression(cur()) || at_op("*"))) break;
        t->elts.push_back(star_expression());
        d = std::max(d, ld_);
    }
    t->pos = span_from(first);
    bare_tuples_.push_back(t.get());
    tree_depth(d + 1);
    return t;
}

ExprPtr Parser::star_expression() {
    if (at_op("*")) {
        const Token star = take();
        ExprPtr v = bitwise_or();
        auto s = make<Starred>(span_from(star));
        s->value = std::move(v);
        tree_depth(ld_ + 1);
        return s;
    }
    return expression();
}

ExprPtr Parser::star_named_expression() {
    if (at_op("*")) return star_expression();
    return named_expression();
}

// expressions: expression (',' expression)* [','] (e.g. `except A, B:`)
ExprPtr Parser::expressions() {
    const Token first = cur();
    ExprPtr e = expression();
    if (!at_op(",")) return e;
    int d = ld_;
    auto t = make<Tuple>(pos_of(first));
    t->elts.push_back(std::move(e));
    while (eat_op(",")) {
        if (!starts_expression(cur())) break;
        t->elts.push_back(expression());
        d = std::max(d, ld_);
    }
    t->pos = span_from(first);
    bare_tuples_.push_back(t.get());
    tree_depth(d + 1);
    return t;
}

// named_expression: assignment_expression | invalid_named_expression | expression !':='
ExprPtr Parser::named_expression() {
    Guard g(*this);
    const Token first = cur();
    if (at_name() && ahead(1).is_op(":=")) {
        take();
        take();
        auto target = make<Name>(pos_of(first));
        target->id = std::string(first.text);
        target->ctx = ExprContext::Store;
        ExprPtr value = expression();
        auto n = make<NamedExpr>(span_from(first));
        n->target = std::move(target);
        n->value = std::move(value);
        tree_depth(ld_ + 1);
        return n;
    }
    ExprPtr e = expression();
    if (no_invalid_) return e;
    if (at_op(":=")) {
        // invalid_named_expression: a=expression ':=' expression
        int d = ld_;
        take();
        expression();
        raise_at(std::string("cannot use assignment expressions with ") + expr_name(*e), e->pos);
        (void)d;
    }
    if (at_op("=")) check_named_expression_assign(*e, first.type == TokType::Name);
    return e;
}

// invalid_named_expression alternatives 2 and 3: `x = 1` or `f() = 1` where a condition or an
// element is expected.
void Parser::check_named_expression_assign(const Expr& target, bool starts_with_name) {
    size_t m = mark();
    bool is_name = target.kind == ExprKind::Name && starts_with_name;
    bool bitwise = true;
    switch (target.kind) {
    case ExprKind::BoolOp: case ExprKind::Compare: case ExprKind::IfExp: case ExprKind::Lambda:
    case ExprKind::NamedExpr: case ExprKind::Starred: bitwise = false; break;
    case ExprKind::UnaryOp: bitwise = target.as<UnaryOp>().op != UnaryOpKind::Not; break;
    case ExprKind::List: case ExprKind::GeneratorExp: bitwise = false; break;
    case ExprKind::Tuple: bitwise = false; break;
    case ExprKind::Constant: {
        auto t = target.as<Constant>().value.type;
        if (t == ConstValue::Type::None || t == ConstValue::Type::Bool) bitwise = false;
        break;
    }
    default: break;
    }
    if (!bitwise) return;
    take();  // '='
    const Token& n = cur();
    if (!starts_expression(n) || n.is_name("not") || n.is_name("lambda")) {
        reset(m);
        return;
    }
    ++no_invalid_;
    ExprPtr value;
    try {
        value = bitwise_or();
    } catch (ParseError&) {
        --no_invalid_;
        if (tokenizer_failed_) throw;
        reset(m);
        return;
    }
    --no_invalid_;
    if (at_op("=") || at_op(":=")) {
        reset(m);
        return;
    }
    if (is_name)
        raise_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", target.pos, value->pos);
    raise_at(std::string("cannot assign to ") + expr_name(target) + " here. Maybe you meant '==' instead of '='?",
             target.pos);
}

// expression: invalid_expression | invalid_legacy_expression
//           | disjunction 'if' disjunction 'else' expression | disjunction | lambdef
ExprPtr Parser::expression() {
    Guard g(*this);
    if (at_kw("lambda")) return lambdef();
    const size_t s0 = mark();
    ExprPtr body = disjunction();
    if (at_kw("if")) {
        int d = ld_;
        ExprPtr test, orelse;
        bool ok = soft([&] {
            take();
            test = disjunction();
            d = std::max(d, ld_);
            if (!at_kw("else")) {
                if (!no_invalid_ && !at_op(":"))
                    raise_range("expected 'else' after 'if' expression", body->pos, test->pos);
                invalid_syntax();
            }
            take();
            orelse = expression();
            d = std::max(d, ld_);
        });
        if (ok) {
            auto n = make<IfExp>(span_from(toks_[s0]));
            n->test = std::move(test);
            n->body = std::move(body);
            n->orelse = std::move(orelse);
            tree_depth(d + 1);
            return n;
        }
        ld_ = d;
    }
    if (starts_expression(cur()) && !no_invalid_ && depth_ != no_juxta_depth_) {
        int d = ld_;
        check_forgot_comma(*body);
        ld_ = d;
    }
    return body;
}

ExprPtr Parser::expression_without_invalid() {
    ++no_invalid_;
    try {
        ExprPtr e = expression();
        --no_invalid_;
        return e;
    } catch (...) {
        --no_invalid_;
        throw;
    }
}

// Two expressions side by side. invalid_expression:
//   !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
//   -> "invalid syntax. Perhaps you forgot a comma?" when inside brackets;
// invalid_legacy_expression: a=NAME !'(' b=star_expressions -> "Missing parentheses in call
// to 'print'. Did you mean print(...)?". Anything else: "invalid syntax" at the second one.
void Parser::check_forgot_comma(const Expr& a) {
    size_t fetched = toks_.size();
    size_t m = mark();
    // Token index where `a` starts (to apply the NAME STRING / soft keyword lookahead).
    size_t a_start = m;
    while (a_start > 0) {
        Pos pp = pos_of(toks_[a_start - 1]);
        if (pp.line < a.pos.line || (pp.line == a.pos.line && pp.col < a.pos.col)) break;
        --a_start;
    }
    const Token& t0 = toks_[a_start];
    bool soft_kw = t0.type == TokType::Name && (t0.text == "match" || t0.text == "case" || t0.text == "_");
    bool name_string = t0.type == TokType::Name && a_start + 1 < toks_.size() &&
                       toks_[a_start + 1].type == TokType::String;
    bool legacy = a.kind == ExprKind::Name &&
                  (a.as<Name>().id == "print" || a.as<Name>().id == "exec");
    auto generic = [&]() {
        reset(m);
        const Token& t = toks_[fetched - 1];
        if (t.type == TokType::Indent || t.type == TokType::Dedent) invalid_syntax();
        raise_at("invalid syntax", t);
    };
    if (!soft_kw && !name_string) {
        // b is parsed even outside brackets: CPython's second pass does, and a tokenizer error
        // met on the way (a bracket never closed...) is what it then reports.
        ExprPtr b;
        try {
            b = expression_without_invalid();
        } catch (ParseError& e) {
            if (tokenizer_failed_ || e.info.unsupported) throw;
            if (!legacy) generic();
        }
        if (b && !legacy && prev().level > 0)
            raise_range("invalid syntax. Perhaps you forgot a comma?", a.pos, b->pos);
        if (!legacy) generic();
        reset(m);
    }
    if (legacy && !at_op("(")) {
        ExprPtr b;
        try {
            ++no_invalid_;
            b = star_expressions();
            --no_invalid_;
        } catch (ParseError&) {
            --no_invalid_;
            if (tokenizer_failed_) throw;
            generic();
        }
        const std::string& n = a.as<Name>().id;
        raise_range("Missing parentheses in call to '" + n + "'. Did you mean " + n + "(...)?", a.pos, b->pos);
    }
    generic();
}

// disjunction: conjunction ('or' conjunction)+ | conjunction  (conjunction likewise with 'and')
ExprPtr Parser::disjunction() {
    const size_t s0 = mark();
    ExprPtr first = conjunction();
    if (!at_kw("or")) return first;
    int d = ld_;
    size_t m0 = mark();
    auto n = make<BoolOp>(first->pos);
    n->op = BoolOpKind::Or;
    n->values.push_back(std::move(first));
    while (at_kw("or")) {
        ExprPtr v;
        if (!soft([&] {
                take();
                v = conjunction();
            }))
            break;
        n->values.push_back(std::move(v));
        d = std::max(d, ld_);
    }
    if (mark() == m0) {  // every `or` given up (soft)
        ld_ = d;
        return std::move(n->values[0]);
    }
    n->pos = span_from(toks_[s0]);
    tree_depth(d + 1);
    return n;
}

ExprPtr Parser::conjunction() {
    const size_t s0 = mark();
    ExprPtr first = inversion();
    if (!at_kw("and")) return first;
    int d = ld_;
    size_t m0 = mark();
    auto n = make<BoolOp>(first->pos);
    n->op = BoolOpKind::And;
    n->values.push_back(std::move(first));
    while (at_kw("and")) {
        ExprPtr v;
        if (!soft([&] {
                take();
                v = inversion();
            }))
            break;
        n->values.push_back(std::move(v));
        d = std::max(d, ld_);
    }
    if (mark() == m0) {
        ld_ = d;
        return std::move(n->values[0]);
    }
    n->pos = span_from(toks_[s0]);
    tree_depth(d + 1);
    return n;
}

// inversion: 'not' inversion | comparison
ExprPtr Parser::inversion() {
    if (at_kw("not")) {
        Guard g(*this);
        const Token kw = take();
        ExprPtr operand = inversion();
        auto n = make<UnaryOp>(span_from(kw));
        n->op = UnaryOpKind::Not;
        n->operand = std::move(operand);
        tree_depth(ld_ + 1);
        return n;
    }
    return comparison();
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
ExprPtr Parser::comparison() {
    const size_t s0 = mark();
    ExprPtr left = bitwise_or();
    std::unique_ptr<Compare> n;
    int d = ld_;
    for (;;) {
        CmpOp op;
        const size_t before = mark();
        const Token& t = cur();
        if (t.type == TokType::Op) {
            std::string_view s = t.text;
            if (s == "==") op = CmpOp::Eq;
            else if (s == "!=") op = CmpOp::NotEq;
            else if (s == "<") op = CmpOp::Lt;
            else if (s == "<=") op = CmpOp::LtE;
            else if (s == ">") op = CmpOp::Gt;
            else if (s == ">=") op = CmpOp::GtE;
            else break;
            take();
        } else if (t.is_name("in")) {
            op = CmpOp::In;
            take();
        } else if (t.is_name("not") && ahead(1).is_name("in")) {
            op = CmpOp::NotIn;
            take();
            take();
        } else if (t.is_name("is")) {
            take();
            op = eat_kw("not") ? CmpOp::IsNot : CmpOp::Is;
        } else {
            break;
        }
        ExprPtr right;
        if (!soft([&] { right = bitwise_or(); })) {
            reset(before);
            break;
        }
        if (!n) {
            n = make<Compare>(left->pos);
            n->left = std::move(left);
        }
        n->ops.push_back(op);
        n->comparators.push_back(std::move(right));
        d = std::max(d, ld_);
    }
    if (!n) {
        ld_ = d;
        return left;
    }
    n->pos = span_from(toks_[s0]);
    tree_depth(d + 1);
    return n;
}

// bitwise_or, bitwise_xor, bitwise_and, shift_expr, sum, term: left-associative chains.
ExprPtr Parser::binary(int prec) {
    if (prec == 6) return factor();
    const size_t s0 = mark();
    ExprPtr left = binary(prec + 1);
    Operator op;
    if (!binary_op(prec, cur(), op)) return left;
    int d = ld_;
    while (binary_op(prec, cur(), op)) {
        ExprPtr right;
        if (!soft([&] {
                take();
                right = binary(prec + 1);
            }))
            break;
        d = std::max(d, ld_) + 1;
        auto n = make<BinOp>(span_from(toks_[s0]));
        n->left = std::move(left);
        n->op = op;
        n->right = std::move(right);
        left = std::move(n);
        tree_depth(d);
    }
    ld_ = d;
    return left;
}

// factor: '+' factor | '-' factor | '~' factor | power
ExprPtr Parser::factor() {
    const Token& t = cur();
    if (t.is_op("+") || t.is_op("-") || t.is_op("~")) {
        Guard g(*this);
        const Token opt = take();
        ExprPtr operand = factor();
        auto n = make<UnaryOp>(span_from(opt));
        n->op = opt.text == "+" ? UnaryOpKind::UAdd : opt.text == "-" ? UnaryOpKind::USub : UnaryOpKind::Invert;
        n->operand = std::move(operand);
        tree_depth(ld_ + 1);
        return n;
    }
    return power();
}

// power: await_primary '**' factor | await_primary
ExprPtr Parser::power() {
    const size_t s0 = mark();
    ExprPtr left = await_primary();
    if (!at_op("**")) return left;
    Guard g(*this);
    int d = ld_;
    ExprPtr right;
    if (!soft([&] {
            take();
            right = factor();
        })) {
        ld_ = d;
        return left;
    }
    auto n = make<BinOp>(span_from(toks_[s0]));
    n->left = std::move(left);
    n->op = Operator::Pow;
    n->right = std::move(right);
    tree_depth(std::max(d, ld_) + 1);
    return n;
}

// await_primary: AWAIT primary | primary
ExprPtr Parser::await_primary() {
    if (!at_kw("await")) return primary();
    Guard g(*this);
    const Token kw = take();
    ExprPtr v = primary();
    auto n = make<Await>(span_from(kw));
    n->value = std::move(v);
    tree_depth(ld_ + 1);
    return n;
}

// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' | primary '[' slices ']' | atom
ExprPtr Parser::primary() {
    const size_t s0 = mark();
    ExprPtr e = atom();
    int d = ld_;
    for (;;) {
        if (at_op(".")) {
            std::string attr;
            if (!soft([&] {
                    take();
                    attr = name_token();
                }))
                break;
            auto n = make<Attribute>(span_from(toks_[s0]));
            n->value = std::move(e);
            n->attr = std::move(attr);
            e = std::move(n);
            tree_depth(++d);
        } else if (at_op("(")) {
            Guard g(*this);
            auto n = make<Call>(e->pos);
            if (!soft([&] {
                    take();
                    call_arguments(*n);
                }))
                break;
            n->func = std::move(e);
            n->pos = span_from(toks_[s0]);
            d = std::max(d, ld_) + 1;
            e = std::move(n);
            tree_depth(d);
        } else if (at_op("[")) {
            Guard g(*this);
            ExprPtr s;
            if (!soft([&] {
                    take();
                    s = slices();
                    if (!eat_op("]")) invalid_syntax();
                }))
                break;
            auto n = make<Subscript>(span_from(toks_[s0]));
            n->value = std::move(e);
            n->slice = std::move(s);
            d = std::max(d, ld_) + 1;
            e = std::move(n);
            tree_depth(d);
        } else {
            break;
        }
    }
    ld_ = d;
    return e;
}

// slices: slice !',' | ','.(slice | starred_expression)+ [','] -> Tuple
ExprPtr Parser::slices() {
    const Token first = cur();
    ExprPtr s = slice();
    if (!at_op(",")) return s;
    int d = ld_;
    auto t = make<Tuple>(pos_of(first));
    t->elts.push_back(std::move(s));
    while (eat_op(",")) {
        if (at_op("]")) break;
        t->elts.push_back(slice());
        d = std::max(d, ld_);
    }
    t->pos = span_from(first);
    bare_tuples_.push_back(t.get());
    tree_depth(d + 1);
    return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
ExprPtr Parser::slice() {
    const Token first = cur();
    ExprPtr lower;
    int d = 0;
    if (at_op("*")) return star_expression();
    if (!at_op(":")) {
        lower = named_expression();
        if (!at_op(":")) return lower;
        d = ld_;
    }
    take();
    auto n = make<Slice>(pos_of(first));
    n->lower = std::move(lower);
    if (!at_op(":") && !at_op("]") && !at_op(",")) {
        n->upper = expression();
        d = std::max(d, ld_);
    }
    if (eat_op(":")) {
        if (!at_op("]") && !at_op(",")) {
            n->step = expression();
            d = std::max(d, ld_);
        }
    }
    n->pos = span_from(first);
    tree_depth(d + 1);
    return n;
}

// lambdef: 'lambda' [lambda_params] ':' expression
ExprPtr Parser::lambdef() {
    Guard g(*this);
    const Token kw = take();
    auto n = make<Lambda>(pos_of(kw));
    parameters(n->args, true);
    if (!eat_op(":")) invalid_syntax();
    n->body = expression();
    n->pos = span_from(kw);
    tree_depth(ld_ + 1);
    return n;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
ExprPtr Parser::yield_expr() {
    Guard g(*this);
    const Token kw = take();
    if (eat_kw("from")) {
        ExprPtr v = expression();
        auto n = make<YieldFrom>(span_from(kw));
        n->value = std::move(v);
        tree_depth(ld_ + 1);
        return n;
    }
    auto n = make<Yield>(pos_of(kw));
    ld_ = 0;
    if (starts_expression(cur()) || at_op("*")) {
        n->value = star_expressions();
        n->pos = span_from(kw);
    }
    tree_depth(ld_ + 1);
    return n;
}

}  // namespace looplab::py::detail
