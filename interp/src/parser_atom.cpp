// Atoms, displays, comprehensions and call arguments: Grammar/python.gram (3.11) atom, group,
// tuple, genexp, list, listcomp, dict, set, dictcomp, setcomp, for_if_clauses, arguments, with
// invalid_comprehension, invalid_dict_comprehension, invalid_double_starred_kvpairs,
// invalid_kvpair, invalid_group, invalid_arguments and invalid_kwarg.
#include <algorithm>

#include "parser_impl.hpp"

namespace looplab::py::detail {

namespace {
template <class T> std::unique_ptr<T> make(const Pos& p) {
    auto n = std::make_unique<T>();
    n->pos = p;
    return n;
}

// _PyPegen_get_last_comprehension_item: the last `if` of the last clause, else its iterable.
const Expr& last_comprehension_item(const std::vector<Comprehension>& gens) {
    const Comprehension& c = gens.back();
    return c.ifs.empty() ? *c.iter : *c.ifs.back();
}
}  // namespace

ExprPtr Parser::atom() {
    const Token& t = cur();
    switch (t.type) {
    case TokType::Name: {
        const Token n = take();
        if (is_keyword(n.text)) {
            auto c = make<Constant>(pos_of(n));
            if (n.text == "None") c->value.type = ConstValue::Type::None;
            else if (n.text == "True" || n.text == "False") {
                c->value.type = ConstValue::Type::Bool;
                c->value.b = n.text == "True";
            } else {
                --p_;
                invalid_syntax();
            }
            ld_ = 1;
            return c;
        }
        auto e = make<Name>(pos_of(n));
        e->id = std::string(n.text);
        ld_ = 1;
        return e;
    }
    case TokType::Number: {
        const Token n = take();
        ld_ = 1;
        return parse_number(n);
    }
    case TokType::String: return strings();
    case TokType::Op:
        if (t.text == "(") return paren_atom();
        if (t.text == "[") return list_atom();
        if (t.text == "{") return brace_atom();
        if (t.text == "...") {
            auto c = make<Constant>(pos_of(take()));
            c->value.type = ConstValue::Type::Ellipsis;
            ld_ = 1;
            return c;
        }
        break;
    default: break;
    }
    invalid_syntax();
}

// for_if_clauses: ([ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+
void Parser::for_if_clauses(std::vector<Comprehension>& out) {
    int d = ld_;
    while (at_comprehension()) {
        Comprehension c;
        c.is_async = eat_kw("async");
        take();  // 'for'
        c.target = star_targets();
        d = std::max(d, ld_);
        if (!eat_kw("in")) {
            if (const Expr* bad = invalid_target(*c.target, FOR_TARGETS)) raise_invalid_target(*bad, FOR_TARGETS);
            invalid_syntax();
        }
        validate_target(*c.target, FOR_TARGETS);
        c.iter = disjunction();
        d = std::max(d, ld_);
        while (eat_kw("if")) {
            c.ifs.push_back(disjunction());
            d = std::max(d, ld_);
        }
        out.push_back(std::move(c));
    }
    ld_ = d;
}

// group | tuple | genexp
ExprPtr Parser::paren_atom() {
    Guard g(*this);
    const Token open = take();
    if (at_op(")")) {
        take();
        auto t = make<Tuple>(span_from(open));
        ld_ = 1;
        return t;
    }
    if (at_kw("yield")) {
        ExprPtr e = yield_expr();
        if (!eat_op(")")) invalid_syntax();
        return e;
    }
    if (at_op("**")) {
        // invalid_group: '(' a='**' expression ')'
        const Token star = take();
        expression();
        if (at_op(")")) raise_at("cannot use double starred expression here", star);
        invalid_syntax();
    }
    ExprPtr first = star_named_expression();
    int d = ld_;
    if (at_comprehension()) {
        if (first->kind == ExprKind::Starred) {
            raise_at("iterable unpacking cannot be used in comprehension", first->pos);
        }
        auto gexp = make<GeneratorExp>(pos_of(open));
        gexp->elt = std::move(first);
        for_if_clauses(gexp->generators);
        if (!eat_op(")")) invalid_syntax();
        gexp->pos = span_from(open);
        tree_depth(std::max(d, ld_) + 1);
        return gexp;
    }
    if (eat_op(")")) {
        if (first->kind == ExprKind::Starred) raise_at("cannot use starred expression here", first->pos);
        ld_ = d;
        return first;
    }
    if (!at_op(",")) invalid_syntax();
    auto t = make<Tuple>(pos_of(open));
    t->elts.push_back(std::move(first));
    while (eat_op(",")) {
        if (at_op(")")) break;
        t->elts.push_back(star_named_expression());
        d = std::max(d, ld_);
    }
    if (!eat_op(")")) invalid_syntax();
    t->pos = span_from(open);
    tree_depth(d + 1);
    return t;
}

// list | listcomp
ExprPtr Parser::list_atom() {
    Guard g(*this);
    const Token open = take();
    auto l = make<List>(pos_of(open));
    if (eat_op("]")) {
        l->pos = span_from(open);
        ld_ = 1;
        return l;
    }
    ExprPtr first = star_named_expression();
    int d = ld_;
    if (at_comprehension()) {
        if (first->kind == ExprKind::Starred)
            raise_at("iterable unpacking cannot be used in comprehension", first->pos);
        auto c = make<ListComp>(pos_of(open));
        c->elt = std::move(first);
        for_if_clauses(c->generators);
        if (!eat_op("]")) invalid_syntax();
        c->pos = span_from(open);
        tree_depth(std::max(d, ld_) + 1);
        return c;
    }
    l->elts.push_back(std::move(first));
    while (at_op(",")) {
        const Token comma = take();
        if (at_comprehension()) {
            // invalid_comprehension: ('[' | '{') a=star_named_expression b=',' for_if_clauses
            if (l->elts.size() == 1)
                raise_range("did you forget parentheses around the comprehension target?",
                            l->elts[0]->pos, pos_of(comma));
            invalid_syntax();
        }
        if (at_op("]")) break;
        l->elts.push_back(star_named_expression());
        d = std::max(d, ld_);
    }
    if (at_comprehension() && l->elts.size() > 1)
        raise_range("did you forget parentheses around the comprehension target?", l->elts[0]->pos,
                    l->elts.back()->pos);
    if (!eat_op("]")) invalid_syntax();
    l->pos = span_from(open);
    tree_depth(d + 1);
    return l;
}

// dict | set | dictcomp | setcomp
ExprPtr Parser::brace_atom() {
    Guard g(*this);
    const Token open = take();
    if (eat_op("}")) {
        auto dct = make<Dict>(span_from(open));
        ld_ = 1;
        return dct;
    }
    int d = 0;
    // One `key: value` or `**mapping` entry of a dict display.
    auto dict_value = [&](Dict& dct) {
        const Token colon = prev();
        if (at_op("}") || at_op(","))
            raise_at("expression expected after dictionary key and ':'", colon);
        if (at_op("*")) {
            const Token star = take();
            bitwise_or();
            raise_from("cannot use a starred expression in a dictionary value", pos_of(star));
        }
        dct.values.push_back(expression());
        d = std::max(d, ld_);
    };
    ExprPtr first;
    const Token* dstar = nullptr;
    Token dstar_tok;
    if (at_op("**")) {
        dstar_tok = take();
        dstar = &dstar_tok;
        first = bitwise_or();
    } else {
        first = star_named_expression();
    }
    d = ld_;
    if (dstar || at_op(":")) {
        auto dct = make<Dict>(pos_of(open));
        if (dstar) {
            dct->keys.push_back(nullptr);
            dct->values.push_back(std::move(first));
            if (at_comprehension()) raise_at("dict unpacking cannot be used in dict comprehension", *dstar);
        } else {
            take();  // ':'
            dct->keys.push_back(std::move(first));
            dict_value(*dct);
            if (at_comprehension()) {
                auto c = make<DictComp>(pos_of(open));
                c->key = std::move(dct->keys[0]);
                c->value = std::move(dct->values[0]);
                for_if_clauses(c->generators);
                if (!eat_op("}")) invalid_syntax();
                c->pos = span_from(open);
                tree_depth(std::max(d, ld_) + 1);
                return c;
            }
        }
        while (eat_op(",")) {
            if (at_op("}")) break;
            if (eat_op("**")) {
                dct->keys.push_back(nullptr);
                dct->values.push_back(bitwise_or());
                d = std::max(d, ld_);
                continue;
            }
            // A key after the first entry: CPython reports "':' expected after dictionary key"
            // rather than "Perhaps you forgot a comma?" for a juxtaposition at its top level.
            int saved = no_juxta_depth_;
            no_juxta_depth_ = depth_ + 1;
            ExprPtr key = expression();
            no_juxta_depth_ = saved;
            d = std::max(d, ld_);
            if (!at_op(":")) {
                {
                    // invalid_kvpair: a=expression !(':')
                    SyntaxErrorInfo info;
                    Pos p = key->pos;
                    p.col = p.end_col - 1;
                    try {
                        raise_at("':' expected after dictionary key", p);
                    } catch (ParseError& e) {
                        e.info.end_offset = 0;
                        throw;
                    }
                }
                invalid_syntax();
            }
            take();
            dct->keys.push_back(std::move(key));
            dict_value(*dct);
        }
        if (!eat_op("}")) invalid_syntax();
        dct->pos = span_from(open);
        tree_depth(d + 1);
        return dct;
    }
    if (at_comprehension()) {
        if (first->kind == ExprKind::Starred)
            raise_at("iterable unpacking cannot be used in comprehension", first->pos);
        auto c = make<SetComp>(pos_of(open));
        c->elt = std::move(first);
        for_if_clauses(c->generators);
        if (!eat_op("}")) invalid_syntax();
        c->pos = span_from(open);
        tree_depth(std::max(d, ld_) + 1);
        return c;
    }
    auto s = make<Set>(pos_of(open));
    s->elts.push_back(std::move(first));
    while (at_op(",")) {
        const Token comma = take();
        if (at_comprehension()) {
            if (s->elts.size() == 1)
                raise_range("did you forget parentheses around the comprehension target?",
                            s->elts[0]->pos, pos_of(comma));
            invalid_syntax();
        }
        if (at_op("}")) break;
        s->elts.push_back(star_named_expression());
        d = std::max(d, ld_);
    }
    if (at_comprehension() && s->elts.size() > 1)
        raise_range("did you forget parentheses around the comprehension target?", s->elts[0]->pos,
                    s->elts.back()->pos);
    if (!eat_op("}")) invalid_syntax();
    s->pos = span_from(open);
    tree_depth(d + 1);
    return s;
}

// arguments: args [','] &')'  (after '(' up to and including ')')
void Parser::call_arguments(Call& call, bool genexp_ok) {
    const Token open = prev();
    int d = 0;
    bool seen_keyword = false, seen_kw_unpack = false, positional_after_keyword = false;
    bool positional_after_unpack = false;
    Pos args_start{}, args_end{};
    bool any = false;
    auto note = [&](const Pos& p) {
        if (!any) args_start = p;
        any = true;
        args_end = p;
    };
    while (!at_op(")")) {
        const Token first = cur();
        if (at_op("*")) {
            take();
            if (seen_kw_unpack)
                raise_at("iterable argument unpacking follows keyword argument unpacking",
                         span(args_start, args_end));
            ExprPtr v = expression();
            auto s = make<Starred>(span_from(first));
            s->value = std::move(v);
            d = std::max(d, ld_ + 1);
            note(s->pos);
            call.args.push_back(std::move(s));
        } else if (at_op("**")) {
            take();
            Keyword k;
            k.value = expression();
            d = std::max(d, ld_);
            k.pos = span_from(first);
            note(k.pos);
            call.keywords.push_back(std::move(k));
            seen_kw_unpack = true;
        } else if (first.type == TokType::Name && ahead(1).is_op("=")) {
            if (is_keyword(first.text)) {
                if (first.text == "True" || first.text == "False" || first.text == "None")
                    raise_range("cannot assign to " + std::string(first.text), pos_of(first), pos_of(ahead(1)));
                invalid_syntax();
            }
            take();
            const Token eq = take();
            Keyword k;
            k.arg = std::string(first.text);
            k.value = expression();
            d = std::max(d, ld_);
            if (at_comprehension())
                raise_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", pos_of(first), pos_of(eq));
            k.pos = span_from(first);
            note(k.pos);
            call.keywords.push_back(std::move(k));
            seen_keyword = true;
        } else {
            ExprPtr e;
            if (at_name() && ahead(1).is_op(":=")) e = named_expression();
            else e = expression();
            int ed = ld_;
            if (at_op("="))
                raise_range("expression cannot contain assignment, perhaps you meant \"==\"?", e->pos, pos_of(cur()));
            if (at_comprehension()) {
                if (!genexp_ok) invalid_syntax();  // class C(x for x in y): arguments only
                Pos elt_pos = e->pos;
                auto gexp = make<GeneratorExp>(e->pos);
                gexp->elt = std::move(e);
                for_if_clauses(gexp->generators);
                ed = std::max(ed, ld_) + 1;
                if (any || at_op(","))
                    raise_range("Generator expression must be parenthesized", elt_pos,
                                last_comprehension_item(gexp->generators).pos);
                if (!at_op(")")) invalid_syntax();
                // The only argument: the call's parentheses belong to the generator expression.
                gexp->pos = span(pos_of(open), pos_of(cur()));
                e = std::move(gexp);
            }
            d = std::max(d, ed);
            if (seen_kw_unpack) positional_after_unpack = true;
            else if (seen_keyword) positional_after_keyword = true;
            note(e->pos);
            call.args.push_back(std::move(e));
        }
        if (!eat_op(",")) break;
    }
    if (!at_op(")")) invalid_syntax();
    take();
    if (positional_after_unpack) raise_last("positional argument follows keyword argument unpacking");
    if (positional_after_keyword) raise_last("positional argument follows keyword argument");
    ld_ = d;
}

}  // namespace looplab::py::detail
