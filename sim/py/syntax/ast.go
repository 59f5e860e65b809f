package syntax

// The AST mirrors Python 3.11's ast module: the same node names and field
// names (in Go spelling), the same shapes, and the same positions. The node
// types are declared in nodes.go; this file holds the interfaces, the
// operator enums and the constant value types.

// Node is any AST node. Start and End are CPython's (lineno, col_offset)
// and (end_lineno, end_col_offset), with byte offsets besides.
type Node interface {
	Start() Pos
	End() Pos
}

// Span is the source range every node carries.
type Span struct {
	StartPos Pos
	EndPos   Pos
}

// Start returns the position of the node's first byte.
func (s *Span) Start() Pos { return s.StartPos }

// End returns the position just past the node's last byte.
func (s *Span) End() Pos { return s.EndPos }

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Module is a parsed file.
type Module struct {
	Span
	Body []Stmt
}

// Operator is a binary operator (Python's ast.operator).
type Operator uint8

// The binary operators.
const (
	Add Operator = iota + 1
	Sub
	Mult
	MatMult
	Div
	Mod
	Pow
	LShift
	RShift
	BitOr
	BitXor
	BitAnd
	FloorDiv
)

var operatorNames = [...]string{"", "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
	"LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"}

var operatorSymbols = [...]string{"", "+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"}

// String returns the Python class name (Add, Sub, ...).
func (o Operator) String() string { return operatorNames[o] }

// Symbol returns the operator as written in source (+, -, ...).
func (o Operator) Symbol() string { return operatorSymbols[o] }

// UnaryOpKind is a unary operator (Python's ast.unaryop).
type UnaryOpKind uint8

// The unary operators.
const (
	Invert UnaryOpKind = iota + 1
	Not
	UAdd
	USub
)

var unaryNames = [...]string{"", "Invert", "Not", "UAdd", "USub"}

// String returns the Python class name.
func (o UnaryOpKind) String() string { return unaryNames[o] }

// BoolOpKind is and or or (Python's ast.boolop).
type BoolOpKind uint8

// The boolean operators.
const (
	And BoolOpKind = iota + 1
	Or
)

// String returns the Python class name.
func (o BoolOpKind) String() string {
	if o == And {
		return "And"
	}
	return "Or"
}

// CmpOp is a comparison operator (Python's ast.cmpop).
type CmpOp uint8

// The comparison operators.
const (
	Eq CmpOp = iota + 1
	NotEq
	Lt
	LtE
	Gt
	GtE
	Is
	IsNot
	In
	NotIn
)

var cmpNames = [...]string{"", "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"}
var cmpSymbols = [...]string{"", "==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"}

// String returns the Python class name.
func (o CmpOp) String() string { return cmpNames[o] }

// Symbol returns the operator as written in source.
func (o CmpOp) Symbol() string { return cmpSymbols[o] }

// ExprContext says whether an expression is read, assigned or deleted.
type ExprContext uint8

// The expression contexts.
const (
	Load ExprContext = iota
	Store
	Del
)

// String returns the Python class name.
func (c ExprContext) String() string {
	switch c {
	case Store:
		return "Store"
	case Del:
		return "Del"
	}
	return "Load"
}

// Bytes is the value of a bytes literal.
type Bytes string

// NoneValue is the value of the None constant.
type NoneValue struct{}

// EllipsisValue is the value of the ... constant.
type EllipsisValue struct{}

// Conversion values of FormattedValue.
const (
	ConvNone  = -1
	ConvStr   = 's'
	ConvRepr  = 'r'
	ConvASCII = 'a'
)
