// Private to the parser (parser*.cpp): the recursive-descent Parser class.
//
// Structure follows CPython 3.11's Grammar/python.gram rule by rule (rule names appear in the
// method names and comments). CPython parses twice: a fast pass, then — only on failure — a
// second pass with the `invalid_*` rules enabled, which produce the friendly messages. Here the
// invalid_* checks run at the point where the valid grammar fails, which reports the same
// message at the same place for the cases LoopLab tests (tests/interp/parser_test.cpp).
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "looplab/py/ast.hpp"
#include "looplab/py/parser.hpp"
#include "looplab/py/scanner.hpp"

namespace looplab::py::detail {

using namespace looplab::py::ast;

// Limits. kMaxDepth bounds both the parser's recursion and the depth of the tree it builds, so
// neither the parser, nor the tree's destructor, nor a recursive compiler can overflow the stack.
// CPython accepts somewhat deeper input (it fails with MemoryError/RecursionError later), but no
// real program comes near.
constexpr int kMaxDepth = 1000;
constexpr size_t kMaxStackBytes = size_t(2) << 20;

class Parser {
public:
    // `source` must be normalized (Scanner::normalize_source) and outlive the parser.
    Parser(std::string_view source, std::vector<SyntaxWarningInfo>* warnings);

    std::unique_ptr<Module> parse_file();

    // f-string replacement fields are parsed by a sub-parser over "(" + text + ")", exactly as
    // CPython 3.11's fstring_compile_expr does. Node positions are shifted to the enclosing file;
    // errors keep the sub-source's columns and text but the file's line, with "f-string: " in
    // front (pegen_errors.c _PyPegen_raise_error_known_location, Py_fstring_input).
    void set_fstring_origin(int first_line, int first_col, int depth);
    ExprPtr parse_fstring_expr();

    // --- tokens -----------------------------------------------------------------------------
    const Token& tok(size_t i);
    const Token& cur() { return tok(p_); }
    const Token& ahead(size_t k) { return tok(p_ + k); }
    const Token& prev() const { return toks_[p_ - 1]; }
    const Token& take() { const Token& t = cur(); ++p_; return t; }
    bool at_op(std::string_view s) { return cur().is_op(s); }
    bool at_kw(std::string_view s) { return cur().is_name(s); }
    bool at(TokType t) { return cur().type == t; }
    bool eat_op(std::string_view s) {
        if (!at_op(s)) return false;
        ++p_;
        return true;
    }
    bool eat_kw(std::string_view s) {
        if (!at_kw(s)) return false;
        ++p_;
        return true;
    }
    bool at_name() { return at(TokType::Name) && !is_keyword(cur().text); }
    size_t mark() const { return p_; }
    void reset(size_t m) { p_ = m; }

    // --- positions ----------------------------------------------------------------------------
    Pos pos_of(const Token& t) const;
    Pos span(const Token& a, const Token& b) const;
    static Pos span(const Pos& a, const Pos& b) { return {a.line, a.col, b.end_line, b.end_col}; }
    Pos span_from(const Token& a) const { return span(a, prev()); }
    Pos span_from(const Pos& a) const { return span(a, pos_of(prev())); }

    // --- errors (pegen_errors.c) -------------------------------------------------------------
    // RAISE_ERROR_KNOWN_LOCATION: start/end are AST positions (0-based byte columns).
    [[noreturn]] void raise_range(const std::string& msg, const Pos& start, const Pos& end,
                                  const char* kind = "SyntaxError");
    [[noreturn]] void raise_at(const std::string& msg, const Pos& p) { raise_range(msg, p, p); }
    [[noreturn]] void raise_at(const std::string& msg, const Token& t) {
        raise_range(msg, pos_of(t), pos_of(t));
    }
    // RAISE_SYNTAX_ERROR_STARTING_FROM: from `start` to the current position.
    [[noreturn]] void raise_from(const std::string& msg, const Pos& start);
    // RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token fetched.
    [[noreturn]] void raise_last(const std::string& msg, const char* kind = "SyntaxError");
    // The generic "invalid syntax" (and "unexpected indent" etc. by token type).
    [[noreturn]] void invalid_syntax();
    // A construct LoopLab does not support.
    [[noreturn]] void unsupported(const std::string& what, int line);
    // _PyPegen_tokenize_full_source_to_check_for_errors: a tokenizer error later in the file
    // wins over a parser error.
    [[noreturn]] void rethrow_with_tokenizer_check(ParseError& e);

    // --- depth accounting (see kMaxDepth) -----------------------------------------------------
    // Guard: one level of parser recursion (also checks the machine stack).
    struct Guard {
        Parser& p;
        explicit Guard(Parser& parser);
        ~Guard() { --p.depth_; }
    };
    // ld_ ("last depth") is the tree depth of the expression a parse function just returned;
    // functions that build a node set it to 1 + the deepest child. Left-associative chains
    // (a.b.c, a+b+c, f()()()) deepen the tree without recursing, so they are bounded here.
    int ld_ = 1;
    void tree_depth(int d) {
        ld_ = d;
        if (d > kMaxDepth) too_deep();
    }
    int no_invalid_ = 0;  // > 0 inside expression_without_invalid: invalid_* rules are off
    // Inside expression_without_invalid the parse must behave like PEG: an optional part or a
    // repetition that fails is given up and the input rewound (`a + (b c` is just `a`). Runs
    // `f`; in that mode a parser error rewinds to where `f` started and returns false.
    template <class F> bool soft(F&& f) {
        if (!no_invalid_) {
            f();
            return true;
        }
        size_t m = mark();
        try {
            f();
            return true;
        } catch (ParseError& e) {
            if (tokenizer_failed_ || e.info.unsupported) throw;
            reset(m);
            return false;
        }
    }
    bool skip_tokenizer_check_ = false;  // "unexpected indent": pegen returns before the check
    int no_juxta_depth_ = -1;  // expression() at this depth skips the "forgot a comma" check
    std::vector<const Expr*> bare_tuples_;  // tuples built without parentheses (this statement)
    bool is_bare_tuple(const Expr& e) const {
        for (const Expr* t : bare_tuples_)
            if (t == &e) return true;
        return false;
    }
    [[noreturn]] void too_deep();

    // --- statements (parser_stmt.cpp) ---------------------------------------------------------
    void statements(std::vector<StmtPtr>& out);  // until DEDENT / ENDMARKER
    void statement(std::vector<StmtPtr>& out);
    void simple_stmts(std::vector<StmtPtr>& out);
    StmtPtr simple_stmt();
    StmtPtr expr_or_assign_stmt();
    StmtPtr compound_stmt();
    void block(std::vector<StmtPtr>& out, const Token& kw, const char* what);
    void expect_colon();  // &&':'
    StmtPtr if_stmt(bool elif);
    StmtPtr while_stmt();
    StmtPtr for_stmt(const Token* async_tok);
    StmtPtr with_stmt(const Token* async_tok);
    StmtPtr try_stmt();
    StmtPtr function_def(std::vector<ExprPtr> decorators, const Token* async_tok, const Token& first);
    StmtPtr class_def(std::vector<ExprPtr> decorators, const Token& first);
    StmtPtr decorated();
    StmtPtr import_stmt();
    StmtPtr from_import_stmt();
    StmtPtr raise_stmt();
    StmtPtr return_stmt();
    StmtPtr del_stmt();
    StmtPtr assert_stmt();
    StmtPtr global_stmt(bool nonlocal);
    bool match_stmt_ahead();
    void check_assign_target(std::vector<ExprPtr>& targets, const Expr*);
    const Expr* bitwise_prefix(const Expr& e) const;
    bool first_is_name_ = false;
    bool parenthesized_tuple(const Expr& e) const;
    bool is_bitwise_level(const Expr& e) const;
    std::string dotted_name();

    // --- expressions (parser_expr.cpp) --------------------------------------------------------
    ExprPtr star_expressions();          // a, *b, c  -> Tuple
    ExprPtr star_expression();
    ExprPtr star_named_expressions_tuple(const Token& first, ExprPtr first_elt);
    ExprPtr star_named_expression();
    ExprPtr named_expression();
    ExprPtr expression();                // ifexp / lambda / disjunction
    ExprPtr expression_without_invalid();
    ExprPtr expressions();               // a, b -> Tuple (no starred)
    ExprPtr disjunction();
    ExprPtr conjunction();
    ExprPtr inversion();
    ExprPtr comparison();
    ExprPtr binary(int prec);            // bitwise_or .. term
    ExprPtr bitwise_or() { return binary(0); }
    ExprPtr factor();
    ExprPtr power();
    ExprPtr await_primary();
    ExprPtr primary();
    ExprPtr atom();
    ExprPtr lambdef();
    ExprPtr yield_expr();
    ExprPtr paren_atom();
    ExprPtr list_atom();
    ExprPtr brace_atom();
    ExprPtr slices();
    ExprPtr slice();
    void call_arguments(Call& call, bool genexp_ok = true);  // after '(' up to and including ')'
    void for_if_clauses(std::vector<Comprehension>& out);
    bool at_comprehension() { return at_kw("for") || (at_kw("async") && ahead(1).is_name("for")); }
    void check_forgot_comma(const Expr& last);  // invalid_expression
    void check_legacy_print(const Expr& e);     // invalid_legacy_expression
    void check_named_expression_assign(const Expr& target, bool named_ctx);
    bool starts_expression(const Token& t);
    ExprPtr parse_number(const Token& t);
    ExprPtr strings();                   // STRING+ (parser_string.cpp)

    // --- parameters and targets (parser_args.cpp) ---------------------------------------------
    void parameters(Arguments& args, bool lambda);  // up to ')' or ':'
    Arg param(bool lambda);
    void set_store(Expr& e, ExprContext ctx);       // turn a parsed expression into a target
    const Expr* invalid_target(const Expr& e, int targets_type) const;
    [[noreturn]] void raise_invalid_target(const Expr& e, int targets_type);
    static const char* expr_name(const Expr& e);    // _PyPegen_get_expr_name
    ExprPtr star_targets();                         // for/comprehension targets
    ExprPtr star_target();                          // with ... as target
    void validate_target(Expr& e, int targets_type); // raises or sets Store/Del context
    std::string name_token();                       // NAME (not a keyword) or invalid syntax

    enum { STAR_TARGETS = 0, DEL_TARGETS = 1, FOR_TARGETS = 2 };

private:
    friend struct Guard;
    std::string_view src_;
    Scanner sc_;
    std::deque<Token> toks_;  // a deque: references to tokens stay valid while more are read
    size_t p_ = 0;
    bool tokenizer_failed_ = false;
    ParseError adjust(ParseError e) const;  // tokenizer error lines in an f-string sub-parser
    std::vector<SyntaxWarningInfo>* warnings_;
    size_t warnings_seen_ = 0;

    int depth_ = 0;
    const char* stack_base_ = nullptr;

    // f-string sub-parser state
    bool fstring_ = false;
    int fs_line_ = 0, fs_col_ = 0;  // where "(" of the sub-source sits in the file
    int fs_depth_ = 0;              // nesting of format specs (recurse_lvl)

    // block nesting, for 'await'/'yield' we don't check (the compiler does)
    friend class StringParser;

public:
    int fstring_depth() const { return fs_depth_; }
    int depth() const { return depth_; }
    bool in_fstring() const { return fstring_; }
    std::string_view source() const { return src_; }
    Scanner& scanner() { return sc_; }
};

}  // namespace looplab::py::detail
