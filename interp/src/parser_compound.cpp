// Compound statements: Grammar/python.gram (3.11) compound_stmt and block, with the
// invalid_*_stmt / invalid_*_indent rules ("expected ':'", "expected an indented block after
// 'for' statement on line N", "expected 'except' or 'finally' block", ...).
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
}  // namespace

// The end of a compound statement is the end of its last real token (pegen's EXTRA uses
// _PyPegen_get_last_nonnwhitespace_token).
static Pos end_of_block(const std::vector<StmtPtr>& body) {
    return body.back()->pos;
}

StmtPtr Parser::compound_stmt() {
    const Token& t = cur();
    if (t.is_op("@")) return decorated();
    if (t.type != TokType::Name) return nullptr;
    const Token first = t;
    if (t.text == "def") return function_def({}, nullptr, first);
    if (t.text == "if") return if_stmt(false);
    if (t.text == "class") return class_def({}, first);
    if (t.text == "with") return with_stmt(nullptr);
    if (t.text == "for") return for_stmt(nullptr);
    if (t.text == "try") return try_stmt();
    if (t.text == "while") return while_stmt();
    if (t.text == "async") {
        const Token& n = ahead(1);
        if (n.is_name("def")) { take(); return function_def({}, &first, first); }
        if (n.is_name("with")) { take(); return with_stmt(&first); }
        if (n.is_name("for")) { take(); return for_stmt(&first); }
        return nullptr;
    }
    if (t.text == "match" && match_stmt_ahead()) unsupported("'match' statements", t.line);
    return nullptr;
}

// &&':' — a forced token: "expected ':'" at whatever token is there instead.
void Parser::expect_colon() {
    if (!eat_op(":")) raise_at("expected ':'", cur());
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
void Parser::block(std::vector<StmtPtr>& out, const Token& kw, const char* what) {
    Guard g(*this);
    if (at(TokType::Newline)) {
        take();
        if (!at(TokType::Indent)) {
            raise_last(std::string("expected an indented block after ") + what + " on line " +
                           std::to_string(pos_of(kw).line),
                       "IndentationError");
        }
        take();
        statements(out);
        if (at(TokType::Dedent)) take();
        return;
    }
    simple_stmts(out);
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block]); elif nests an If in orelse.
StmtPtr Parser::if_stmt(bool) {
    Guard g(*this);
    const Token kw = take();
    auto root = make<If>(pos_of(kw));
    If* node = root.get();
    Token node_kw = kw;
    const char* what = "'if' statement";
    int elifs = 0;
    for (;;) {
        node->test = named_expression();
        if (at(TokType::Newline)) raise_last("expected ':'");
        if (!eat_op(":")) invalid_syntax();
        block(node->body, node_kw, what);
        node->pos = span(node->pos, end_of_block(node->body));
        if (at_kw("elif")) {
            if (++elifs > kMaxDepth) too_deep();
            node_kw = take();
            auto e = make<If>(pos_of(node_kw));
            If* next = e.get();
            node->orelse.push_back(std::move(e));
            node = next;
            what = "'elif' statement";
            continue;
        }
        if (at_kw("else")) {
            const Token ekw = take();
            expect_colon();
            block(node->orelse, ekw, "'else' statement");
            node->pos = span(node->pos, end_of_block(node->orelse));
        }
        break;
    }
    // Enclosing Ifs end where their last elif/else ends.
    Pos end = node->pos;
    for (If* n = root.get(); n != node; n = &n->orelse[0]->as<If>()) n->pos = span(n->pos, end);
    return root;
}

StmtPtr Parser::while_stmt() {
    Guard g(*this);
    const Token kw = take();
    auto s = make<While>(pos_of(kw));
    s->test = named_expression();
    if (at(TokType::Newline)) raise_last("expected ':'");
    if (!eat_op(":")) invalid_syntax();
    block(s->body, kw, "'while' statement");
    s->pos = span(s->pos, end_of_block(s->body));
    if (at_kw("else")) {
        const Token ekw = take();
        expect_colon();
        block(s->orelse, ekw, "'else' statement");
        s->pos = span(s->pos, end_of_block(s->orelse));
    }
    return s;
}

// for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
StmtPtr Parser::for_stmt(const Token* async_tok) {
    Guard g(*this);
    const Token kw = take();
    const Token& first = async_tok ? *async_tok : kw;
    auto s = make<For>(async_tok ? StmtKind::AsyncFor : StmtKind::For, pos_of(first));
    s->target = star_targets();
    if (!eat_kw("in")) {
        // invalid_for_target: 'for' star_expressions -> "cannot assign to ..."
        if (const Expr* bad = invalid_target(*s->target, FOR_TARGETS)) raise_invalid_target(*bad, FOR_TARGETS);
        invalid_syntax();
    }
    validate_target(*s->target, FOR_TARGETS);
    s->iter = star_expressions();
    if (at(TokType::Newline)) raise_last("expected ':'");
    if (!eat_op(":")) invalid_syntax();
    block(s->body, kw, "'for' statement");
    s->pos = span(s->pos, end_of_block(s->body));
    if (at_kw("else")) {
        const Token ekw = take();
        expect_colon();
        block(s->orelse, ekw, "'else' statement");
        s->pos = span(s->pos, end_of_block(s->orelse));
    }
    return s;
}

// with_stmt: [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
//          | [ASYNC] 'with' ','.with_item+ ':' block
StmtPtr Parser::with_stmt(const Token* async_tok) {
    Guard g(*this);
    const Token kw = take();
    const Token& first = async_tok ? *async_tok : kw;
    auto s = make<With>(async_tok ? StmtKind::AsyncWith : StmtKind::With, pos_of(first));
    auto with_item = [&](std::vector<WithItem>& items) {
        WithItem item;
        item.context_expr = expression();
        if (eat_kw("as")) {
            // star_target &(',' | ')' | ':'), else invalid_with_item
            item.optional_vars = star_target();
            // invalid_with_item: expression 'as' a=expression &(',' | ')' | ':')
            bool invalid = invalid_target(*item.optional_vars, STAR_TARGETS) != nullptr;
            if (at_op(",") || at_op(")") || at_op(":")) {
                if (invalid) raise_invalid_target(*item.optional_vars, STAR_TARGETS);
            } else if (invalid || !at(TokType::Newline)) {
                invalid_syntax();
            }
            validate_target(*item.optional_vars, STAR_TARGETS);
        }
        items.push_back(std::move(item));
    };
    bool done = false;
    if (at_op("(")) {
        size_t m = mark();
        try {
            take();
            std::vector<WithItem> items;
            with_item(items);
            while (eat_op(",")) {
                if (at_op(")")) break;
                with_item(items);
            }
            if (eat_op(")") && at_op(":")) {
                s->items = std::move(items);
                done = true;
            }
        } catch (ParseError& e) {
            if (tokenizer_failed_ || e.info.message != "invalid syntax") throw;
        }
        if (!done) reset(m);
    }
    if (!done) {
        with_item(s->items);
        while (eat_op(",")) with_item(s->items);
    }
    if (at(TokType::Newline)) raise_last("expected ':'");
    if (!eat_op(":")) invalid_syntax();
    block(s->body, kw, "'with' statement");
    s->pos = span(s->pos, end_of_block(s->body));
    return s;
}

// try_stmt: 'try' &&':' block (finally_block | except_block+ [else] [finally]
//                                | except_star_block+ [else] [finally])
StmtPtr Parser::try_stmt() {
    Guard g(*this);
    const Token kw = take();
    auto s = make<Try>(StmtKind::Try, pos_of(kw));
    expect_colon();
    block(s->body, kw, "'try' statement");
    Pos end = end_of_block(s->body);
    int star = -1;  // -1 unknown, 0 except, 1 except*
    while (at_kw("except")) {
        const Token ekw = take();
        bool this_star = false;
        const Token* star_tok = nullptr;
        Token star_copy;
        if (at_op("*")) {
            star_copy = take();
            star_tok = &star_copy;
            this_star = true;
        }
        ExceptHandler h;
        if (this_star && (at_op(":") || at(TokType::Newline))) raise_last("expected one or more exception types");
        if (at(TokType::Newline)) raise_last("expected ':'");
        if (!at_op(":")) {
            h.type = expression();
            if (at_op(",")) {
                // invalid_except_stmt: 'except' expression ',' expressions ['as' NAME] ':'
                Pos start = h.type->pos;
                take();
                expressions();
                if (eat_kw("as")) name_token();
                if (at_op(":")) raise_from("multiple exception types must be parenthesized", start);
                invalid_syntax();
            }
            if (eat_kw("as")) h.name = name_token();
        }
        if (star >= 0 && star != int(this_star)) {
            if (this_star) {
                expect_colon();
                raise_range("cannot have both 'except' and 'except*' on the same 'try'", pos_of(ekw),
                            pos_of(*star_tok));
            }
            expect_colon();
            raise_at("cannot have both 'except' and 'except*' on the same 'try'", ekw);
        }
        star = int(this_star);
        if (at(TokType::Newline)) raise_last("expected ':'");
        if (!eat_op(":")) invalid_syntax();
        block(h.body, ekw, this_star ? "'except*' statement" : "'except' statement");
        h.pos = span(pos_of(ekw), end_of_block(h.body));
        end = h.pos;
        s->handlers.push_back(std::move(h));
    }
    if (star == 1) s->kind = StmtKind::TryStar;
    if (!s->handlers.empty() && at_kw("else")) {
        const Token ekw = take();
        expect_colon();
        block(s->orelse, ekw, "'else' statement");
        end = end_of_block(s->orelse);
    }
    if (at_kw("finally")) {
        const Token fkw = take();
        expect_colon();
        block(s->finalbody, fkw, "'finally' statement");
        end = end_of_block(s->finalbody);
    } else if (s->handlers.empty()) {
        raise_last("expected 'except' or 'finally' block");
    }
    s->pos = span(s->pos, end);
    return s;
}

// decorators: ('@' f=named_expression NEWLINE)+, then a function or class definition.
StmtPtr Parser::decorated() {
    Guard g(*this);
    std::vector<ExprPtr> decorators;
    while (eat_op("@")) {
        decorators.push_back(named_expression());
        if (!at(TokType::Newline)) invalid_syntax();
        take();
    }
    const Token first = cur();
    if (at_kw("def")) return function_def(std::move(decorators), nullptr, first);
    if (at_kw("class")) return class_def(std::move(decorators), first);
    if (at_kw("async") && ahead(1).is_name("def")) {
        take();
        return function_def(std::move(decorators), &first, first);
    }
    invalid_syntax();
}

// function_def_raw: [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
StmtPtr Parser::function_def(std::vector<ExprPtr> decorators, const Token* async_tok, const Token& first) {
    Guard g(*this);
    const Token kw = take();  // 'def'
    auto s = make<FunctionDef>(async_tok ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef, pos_of(first));
    s->decorator_list = std::move(decorators);
    s->name = name_token();
    if (!eat_op("(")) raise_at("expected '('", cur());
    parameters(s->args, false);
    if (!eat_op(")")) invalid_syntax();
    if (eat_op("->")) s->returns = expression();
    expect_colon();
    block(s->body, kw, "function definition");
    s->pos = span(s->pos, end_of_block(s->body));
    return s;
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
StmtPtr Parser::class_def(std::vector<ExprPtr> decorators, const Token& first) {
    Guard g(*this);
    const Token kw = take();
    auto s = make<ClassDef>(pos_of(first));
    s->decorator_list = std::move(decorators);
    s->name = name_token();
    if (at_op("(")) {
        take();
        Call c;
        call_arguments(c, false);
        s->bases = std::move(c.args);
        s->keywords = std::move(c.keywords);
    }
    if (at(TokType::Newline)) raise_last("expected ':'");
    if (!eat_op(":")) invalid_syntax();
    block(s->body, kw, "class definition");
    s->pos = span(s->pos, end_of_block(s->body));
    return s;
}

}  // namespace looplab::py::detail
