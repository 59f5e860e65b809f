package syntax_test

import (
	"fmt"

	"asyncplay/sim/py/syntax"
)

func ExampleParse() {
	mod, err := syntax.Parse("<main>", "async def main():\n    await curio.sleep(1)\n")
	if err != nil {
		fmt.Println(err)
		return
	}
	fn := mod.Body[0].(*syntax.AsyncFunctionDef)
	await := fn.Body[0].(*syntax.ExprStmt).Value.(*syntax.Await)
	fmt.Println(fn.Name, await.Start().Line, await.Start().Col)
	// Output: main 2 4
}

func ExampleParse_error() {
	_, err := syntax.Parse("<main>", "print('hello'\n")
	fmt.Println(err)
	// Output:
	//   File "<main>", line 1
	//     print('hello'
	//          ^
	// SyntaxError: '(' was never closed
}

func ExampleDump() {
	mod, _ := syntax.Parse("<main>", "x = [a * 2 for a in b if a]\n")
	fmt.Println(syntax.Dump(mod))
	// Output: Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=ListComp(elt=BinOp(left=Name(id='a', ctx=Load()), op=Mult(), right=Constant(value=2)), generators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[Name(id='a', ctx=Load())], is_async=0)]))], type_ignores=[])
}
