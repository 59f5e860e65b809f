package syntax

// FunctionDef is a function definition: def name(args) -> returns: body.
type FunctionDef struct {
	Span
	Name          string
	Args          *Arguments
	Body          []Stmt
	DecoratorList []Expr
	Returns       Expr
}

// AsyncFunctionDef is an async def.
type AsyncFunctionDef struct {
	Span
	Name          string
	Args          *Arguments
	Body          []Stmt
	DecoratorList []Expr
	Returns       Expr
}

// ClassDef is a class definition.
type ClassDef struct {
	Span
	Name          string
	Bases         []Expr
	Keywords      []*Keyword
	Body          []Stmt
	DecoratorList []Expr
}

// Return is a return statement; Value may be nil.
type Return struct {
	Span
	Value Expr
}

// Delete is a del statement.
type Delete struct {
	Span
	Targets []Expr
}

// Assign is an assignment; a = b = value has two targets.
type Assign struct {
	Span
	Targets []Expr
	Value   Expr
}

// AugAssign is an augmented assignment (x += 1).
type AugAssign struct {
	Span
	Target Expr
	Op     Operator
	Value  Expr
}

// AnnAssign is an annotated assignment; Value may be nil. Simple is true for a plain name target not in parentheses.
type AnnAssign struct {
	Span
	Target     Expr
	Annotation Expr
	Value      Expr
	Simple     bool
}

// For is a for loop.
type For struct {
	Span
	Target Expr
	Iter   Expr
	Body   []Stmt
	Orelse []Stmt
}

// AsyncFor is an async for loop.
type AsyncFor struct {
	Span
	Target Expr
	Iter   Expr
	Body   []Stmt
	Orelse []Stmt
}

// While is a while loop.
type While struct {
	Span
	Test   Expr
	Body   []Stmt
	Orelse []Stmt
}

// If is an if statement; elif is an If alone in Orelse.
type If struct {
	Span
	Test   Expr
	Body   []Stmt
	Orelse []Stmt
}

// With is a with statement.
type With struct {
	Span
	Items []*WithItem
	Body  []Stmt
}

// AsyncWith is an async with statement.
type AsyncWith struct {
	Span
	Items []*WithItem
	Body  []Stmt
}

// Raise is a raise statement; Exc and Cause may be nil.
type Raise struct {
	Span
	Exc   Expr
	Cause Expr
}

// Try is a try statement.
type Try struct {
	Span
	Body      []Stmt
	Handlers  []*ExceptHandler
	Orelse    []Stmt
	Finalbody []Stmt
}

// TryStar is a try statement whose handlers are except* clauses
// (PEP 654); it has Try's fields, as in CPython's ast.
type TryStar struct {
	Span
	Body      []Stmt
	Handlers  []*ExceptHandler
	Orelse    []Stmt
	Finalbody []Stmt
}

// Assert is an assert statement; Msg may be nil.
type Assert struct {
	Span
	Test Expr
	Msg  Expr
}

// Import is import a.b as c, d.
type Import struct {
	Span
	Names []*Alias
}

// ImportFrom is from module import names; Module is empty for 'from . import x'. Level counts the leading dots.
type ImportFrom struct {
	Span
	Module string
	Names  []*Alias
	Level  int
}

// Global is a global declaration.
type Global struct {
	Span
	Names []string
}

// Nonlocal is a nonlocal declaration.
type Nonlocal struct {
	Span
	Names []string
}

// ExprStmt is an expression statement (Python's ast.Expr).
type ExprStmt struct {
	Span
	Value Expr
}

// Pass is pass.
type Pass struct {
	Span
}

// Break is break.
type Break struct {
	Span
}

// Continue is continue.
type Continue struct {
	Span
}

func (*FunctionDef) stmtNode()      {}
func (*AsyncFunctionDef) stmtNode() {}
func (*ClassDef) stmtNode()         {}
func (*Return) stmtNode()           {}
func (*Delete) stmtNode()           {}
func (*Assign) stmtNode()           {}
func (*AugAssign) stmtNode()        {}
func (*AnnAssign) stmtNode()        {}
func (*For) stmtNode()              {}
func (*AsyncFor) stmtNode()         {}
func (*While) stmtNode()            {}
func (*If) stmtNode()               {}
func (*With) stmtNode()             {}
func (*AsyncWith) stmtNode()        {}
func (*Raise) stmtNode()            {}
func (*Try) stmtNode()              {}
func (*TryStar) stmtNode()          {}
func (*Assert) stmtNode()           {}
func (*Import) stmtNode()           {}
func (*ImportFrom) stmtNode()       {}
func (*Global) stmtNode()           {}
func (*Nonlocal) stmtNode()         {}
func (*ExprStmt) stmtNode()         {}
func (*Pass) stmtNode()             {}
func (*Break) stmtNode()            {}
func (*Continue) stmtNode()         {}

// BoolOp is a chain of and or or: a or b or c has three Values.
type BoolOp struct {
	Span
	Op     BoolOpKind
	Values []Expr
}

// NamedExpr is an assignment expression (target := value).
type NamedExpr struct {
	Span
	Target Expr
	Value  Expr
}

// BinOp is a binary operation.
type BinOp struct {
	Span
	Left  Expr
	Op    Operator
	Right Expr
}

// UnaryOp is a unary operation.
type UnaryOp struct {
	Span
	Op      UnaryOpKind
	Operand Expr
}

// Lambda is a lambda.
type Lambda struct {
	Span
	Args *Arguments
	Body Expr
}

// IfExp is a conditional expression: Body if Test else Orelse.
type IfExp struct {
	Span
	Test   Expr
	Body   Expr
	Orelse Expr
}

// Dict is a dict display; a nil key marks **value.
type Dict struct {
	Span
	Keys   []Expr
	Values []Expr
}

// Set is a set display.
type Set struct {
	Span
	Elts []Expr
}

// ListComp is a list comprehension.
type ListComp struct {
	Span
	Elt        Expr
	Generators []*Comprehension
}

// SetComp is a set comprehension.
type SetComp struct {
	Span
	Elt        Expr
	Generators []*Comprehension
}

// DictComp is a dict comprehension.
type DictComp struct {
	Span
	Key        Expr
	Value      Expr
	Generators []*Comprehension
}

// GeneratorExp is a generator expression.
type GeneratorExp struct {
	Span
	Elt        Expr
	Generators []*Comprehension
}

// Await is await value.
type Await struct {
	Span
	Value Expr
}

// Yield is yield value; Value may be nil.
type Yield struct {
	Span
	Value Expr
}

// YieldFrom is yield from value.
type YieldFrom struct {
	Span
	Value Expr
}

// Compare is a comparison chain: Left Ops[0] Comparators[0] Ops[1] Comparators[1] ....
type Compare struct {
	Span
	Left        Expr
	Ops         []CmpOp
	Comparators []Expr
}

// Call is a call; *a is a Starred in Args, **k a Keyword with empty Arg.
type Call struct {
	Span
	Func     Expr
	Args     []Expr
	Keywords []*Keyword
}

// FormattedValue is one replacement field of an f-string. Conversion is -1 (none) or 's', 'r', 'a'; FormatSpec is nil or a *JoinedStr.
type FormattedValue struct {
	Span
	Value      Expr
	Conversion int
	FormatSpec Expr
}

// JoinedStr is an f-string: Constant and FormattedValue parts.
type JoinedStr struct {
	Span
	Values []Expr
}

// Constant is a literal. Value is one of: *big.Int, float64, string, Bytes, bool, NoneValue, EllipsisValue. Kind is "u" for a u-prefixed string, else empty.
type Constant struct {
	Span
	Value any
	Kind  string
}

// Attribute is value.attr.
type Attribute struct {
	Span
	Value Expr
	Attr  string
	Ctx   ExprContext
}

// Subscript is value[slice].
type Subscript struct {
	Span
	Value Expr
	Slice Expr
	Ctx   ExprContext
}

// Starred is *value.
type Starred struct {
	Span
	Value Expr
	Ctx   ExprContext
}

// Name is a name.
type Name struct {
	Span
	Id  string
	Ctx ExprContext
}

// List is a list display or target.
type List struct {
	Span
	Elts []Expr
	Ctx  ExprContext
}

// Tuple is a tuple display or target.
type Tuple struct {
	Span
	Elts []Expr
	Ctx  ExprContext
}

// Slice is lower:upper:step inside a subscript; each part may be nil.
type Slice struct {
	Span
	Lower Expr
	Upper Expr
	Step  Expr
}

func (*BoolOp) exprNode()         {}
func (*NamedExpr) exprNode()      {}
func (*BinOp) exprNode()          {}
func (*UnaryOp) exprNode()        {}
func (*Lambda) exprNode()         {}
func (*IfExp) exprNode()          {}
func (*Dict) exprNode()           {}
func (*Set) exprNode()            {}
func (*ListComp) exprNode()       {}
func (*SetComp) exprNode()        {}
func (*DictComp) exprNode()       {}
func (*GeneratorExp) exprNode()   {}
func (*Await) exprNode()          {}
func (*Yield) exprNode()          {}
func (*YieldFrom) exprNode()      {}
func (*Compare) exprNode()        {}
func (*Call) exprNode()           {}
func (*FormattedValue) exprNode() {}
func (*JoinedStr) exprNode()      {}
func (*Constant) exprNode()       {}
func (*Attribute) exprNode()      {}
func (*Subscript) exprNode()      {}
func (*Starred) exprNode()        {}
func (*Name) exprNode()           {}
func (*List) exprNode()           {}
func (*Tuple) exprNode()          {}
func (*Slice) exprNode()          {}

// Comprehension is one for clause of a comprehension, with its if clauses (Python's ast.comprehension). It has no position in CPython.
type Comprehension struct {
	Span
	Target  Expr
	Iter    Expr
	Ifs     []Expr
	IsAsync bool
}

// ExceptHandler is an except clause; Type may be nil and Name empty.
type ExceptHandler struct {
	Span
	Type Expr
	Name string
	Body []Stmt
}

// Arguments is the parameters of a def or lambda (Python's ast.arguments). KwDefaults is parallel to Kwonlyargs with nil for no default; Defaults belong to the last positional parameters. It has no position in CPython.
type Arguments struct {
	Span
	Posonlyargs []*Arg
	Args        []*Arg
	Vararg      *Arg
	Kwonlyargs  []*Arg
	KwDefaults  []Expr
	Kwarg       *Arg
	Defaults    []Expr
}

// Arg is one parameter (Python's ast.arg); Annotation may be nil.
type Arg struct {
	Span
	Arg        string
	Annotation Expr
}

// Keyword is a keyword argument; Arg is empty for **value.
type Keyword struct {
	Span
	Arg   string
	Value Expr
}

// Alias is a name in an import (Python's ast.alias); Asname may be empty.
type Alias struct {
	Span
	Name   string
	Asname string
}

// WithItem is one item of a with statement (Python's ast.withitem); OptionalVars may be nil. It has no position in CPython.
type WithItem struct {
	Span
	ContextExpr  Expr
	OptionalVars Expr
}
