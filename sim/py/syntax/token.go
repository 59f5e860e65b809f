package syntax

// tokenKind is the kind of a token produced by the scanner.
type tokenKind uint8

const (
	tEOF   tokenKind = iota
	tError           // the scanner stopped here; see scanner.err
	tNEWLINE
	tINDENT
	tDEDENT
	tNAME
	tINT
	tFLOAT
	tIMAG
	tSTRING
	tUnknown // a character CPython's tokenizer returns as a bare OP token ('$', '?', '!')

	// Keywords (Python 3.11, including async and await).
	kwFalse
	kwNone
	kwTrue
	kwAnd
	kwAs
	kwAssert
	kwAsync
	kwAwait
	kwBreak
	kwClass
	kwContinue
	kwDef
	kwDel
	kwElif
	kwElse
	kwExcept
	kwFinally
	kwFor
	kwFrom
	kwGlobal
	kwIf
	kwImport
	kwIn
	kwIs
	kwLambda
	kwNonlocal
	kwNot
	kwOr
	kwPass
	kwRaise
	kwReturn
	kwTry
	kwWhile
	kwWith
	kwYield

	// Operators and delimiters.
	tLPAR     // (
	tRPAR     // )
	tLSQB     // [
	tRSQB     // ]
	tLBRACE   // {
	tRBRACE   // }
	tCOLON    // :
	tCOMMA    // ,
	tSEMI     // ;
	tPLUS     // +
	tMINUS    // -
	tSTAR     // *
	tSLASH    // /
	tVBAR     // |
	tAMPER    // &
	tLESS     // <
	tGREATER  // >
	tEQUAL    // =
	tDOT      // .
	tPERCENT  // %
	tEQEQUAL  // ==
	tNOTEQUAL // !=
	tLESSEQ   // <=
	tGREATEQ  // >=
	tTILDE    // ~
	tCIRCUM   // ^
	tLSHIFT   // <<
	tRSHIFT   // >>
	tPOW      // **
	tPLUSEQ   // +=
	tMINEQ    // -=
	tSTAREQ   // *=
	tSLASHEQ  // /=
	tPERCEQ   // %=
	tAMPEREQ  // &=
	tVBAREQ   // |=
	tCIRCEQ   // ^=
	tLSHIFTEQ // <<=
	tRSHIFTEQ // >>=
	tPOWEQ    // **=
	tFLOORDIV // //
	tFLOOREQ  // //=
	tAT       // @
	tATEQ     // @=
	tRARROW   // ->
	tELLIPSIS // ...
	tWALRUS   // :=
	tNoteq2   // <> (only ever an error)
)

var keywords = map[string]tokenKind{
	"False": kwFalse, "None": kwNone, "True": kwTrue, "and": kwAnd, "as": kwAs,
	"assert": kwAssert, "async": kwAsync, "await": kwAwait, "break": kwBreak,
	"class": kwClass, "continue": kwContinue, "def": kwDef, "del": kwDel,
	"elif": kwElif, "else": kwElse, "except": kwExcept, "finally": kwFinally,
	"for": kwFor, "from": kwFrom, "global": kwGlobal, "if": kwIf,
	"import": kwImport, "in": kwIn, "is": kwIs, "lambda": kwLambda,
	"nonlocal": kwNonlocal, "not": kwNot, "or": kwOr, "pass": kwPass,
	"raise": kwRaise, "return": kwReturn, "try": kwTry, "while": kwWhile,
	"with": kwWith, "yield": kwYield,
}

var opText = map[tokenKind]string{
	tLPAR: "(", tRPAR: ")", tLSQB: "[", tRSQB: "]", tLBRACE: "{", tRBRACE: "}",
	tCOLON: ":", tCOMMA: ",", tSEMI: ";", tPLUS: "+", tMINUS: "-", tSTAR: "*",
	tSLASH: "/", tVBAR: "|", tAMPER: "&", tLESS: "<", tGREATER: ">", tEQUAL: "=",
	tDOT: ".", tPERCENT: "%", tEQEQUAL: "==", tNOTEQUAL: "!=", tLESSEQ: "<=",
	tGREATEQ: ">=", tTILDE: "~", tCIRCUM: "^", tLSHIFT: "<<", tRSHIFT: ">>",
	tPOW: "**", tPLUSEQ: "+=", tMINEQ: "-=", tSTAREQ: "*=", tSLASHEQ: "/=",
	tPERCEQ: "%=", tAMPEREQ: "&=", tVBAREQ: "|=", tCIRCEQ: "^=", tLSHIFTEQ: "<<=",
	tRSHIFTEQ: ">>=", tPOWEQ: "**=", tFLOORDIV: "//", tFLOOREQ: "//=", tAT: "@",
	tATEQ: "@=", tRARROW: "->", tELLIPSIS: "...", tWALRUS: ":=", tNoteq2: "<>",
}

// Operator tables, longest first, as CPython's PyToken_ThreeChars,
// PyToken_TwoChars and PyToken_OneChar.
var threeCharOps = map[string]tokenKind{
	"**=": tPOWEQ, "...": tELLIPSIS, "//=": tFLOOREQ, "<<=": tLSHIFTEQ, ">>=": tRSHIFTEQ,
}

var twoCharOps = map[string]tokenKind{
	"!=": tNOTEQUAL, "%=": tPERCEQ, "&=": tAMPEREQ, "**": tPOW, "*=": tSTAREQ,
	"+=": tPLUSEQ, "-=": tMINEQ, "->": tRARROW, "//": tFLOORDIV, "/=": tSLASHEQ,
	":=": tWALRUS, "<<": tLSHIFT, "<=": tLESSEQ, "<>": tNoteq2, "==": tEQEQUAL,
	">=": tGREATEQ, ">>": tRSHIFT, "@=": tATEQ, "^=": tCIRCEQ, "|=": tVBAREQ,
}

var oneCharOps = [128]tokenKind{
	'(': tLPAR, ')': tRPAR, '[': tLSQB, ']': tRSQB, '{': tLBRACE, '}': tRBRACE,
	':': tCOLON, ',': tCOMMA, ';': tSEMI, '+': tPLUS, '-': tMINUS, '*': tSTAR,
	'/': tSLASH, '|': tVBAR, '&': tAMPER, '<': tLESS, '>': tGREATER, '=': tEQUAL,
	'.': tDOT, '%': tPERCENT, '~': tTILDE, '^': tCIRCUM, '@': tAT,
}

// token is one token with its source span. Columns are 0-based byte
// columns within the line, like CPython's col_offset.
type token struct {
	kind    tokenKind
	off     int // byte offset of the first byte
	endOff  int // byte offset just past the last byte
	line    int // 1-based
	col     int
	endLine int
	endCol  int
	level   int // bracket depth after this token, as CPython's token->level
	// noCol marks INDENT, DEDENT and ENDMARKER: CPython gives them no
	// column, and errors located at them use the tokenizer's position.
	noCol bool
	text  string // NAME, numbers, STRING (raw text with prefix and quotes), tUnknown
}

func (t *token) pos() Pos { return Pos{Offset: t.off, Line: t.line, Col: t.col} }
func (t *token) end() Pos { return Pos{Offset: t.endOff, Line: t.endLine, Col: t.endCol} }
