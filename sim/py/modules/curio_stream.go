package modules

import (
	"bytes"

	rt "asyncplay/sim/py/runtime"
)

// curio's SocketStream (sock.as_stream()): a buffered file-like face on a
// socket, with line reading and async iteration over lines.

var curioStreamClass = newType("SocketStream", "curio.io")

// maxRead is how much a stream asks its socket for at once (curio's
// MAX_READ).
const maxRead = 65536

type streamObj struct {
	sock *socketObj
	buf  []byte // read from the socket, not yet returned
}

func (o *streamObj) Type() *rt.Class { return curioStreamClass }

// fill reads once more from the socket; false at the end of file.
func (o *streamObj) fill(th *rt.Thread) (bool, error) {
	v, err := o.sock.recv(th, maxRead)
	if err != nil {
		return false, err
	}
	p := v.(rt.Bytes)
	o.buf = append(o.buf, p...)
	return len(p) > 0, nil
}

// take returns the first n buffered bytes.
func (o *streamObj) take(n int) rt.Bytes {
	p := rt.Bytes(o.buf[:n])
	o.buf = o.buf[n:]
	return p
}

// readline reads through the next newline, or what is left at the end.
func (o *streamObj) readline(th *rt.Thread, maxlen int) (rt.Value, error) {
	for {
		if i := bytes.IndexByte(o.buf, '\n'); i >= 0 {
			return o.take(i + 1), nil
		}
		if maxlen > 0 && len(o.buf) >= maxlen {
			return o.take(maxlen), nil
		}
		more, err := o.fill(th)
		if err != nil {
			return nil, err
		}
		if !more {
			return o.take(len(o.buf)), nil
		}
	}
}

func (o *streamObj) read(th *rt.Thread, max int) (rt.Value, error) {
	if max < 0 { // everything up to the end of file
		for {
			more, err := o.fill(th)
			if err != nil {
				return nil, err
			}
			if !more {
				return o.take(len(o.buf)), nil
			}
		}
	}
	if len(o.buf) == 0 {
		if _, err := o.fill(th); err != nil {
			return nil, err
		}
	}
	return o.take(min(max, len(o.buf))), nil
}

func streamOf(self rt.Value) *streamObj { return self.(*streamObj) }

// nextLine is `async for line in stream`: the line read, or the end of
// the iteration at the end of file (an empty line).
func nextLine(line rt.Value, err error) (rt.Value, error) {
	if err != nil {
		return nil, err
	}
	if len(line.(rt.Bytes)) == 0 {
		return nil, rt.NewInstance(rt.StopAsyncIterationClass)
	}
	return line, nil
}

func optInt(v rt.Value, dflt int64) (int64, error) {
	if v == nil || v == rt.None {
		return dflt, nil
	}
	return intArg(v)
}

func init() {
	c := curioStreamClass
	aDef(c, "read", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("read", args, kw, []string{"maxbytes"}, 0)
		if err != nil {
			return nil, err
		}
		max, err := optInt(a[0], -1)
		if err != nil {
			return nil, err
		}
		return streamOf(self).read(th, int(max))
	})
	aDef(c, "read_exactly", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("read_exactly", args, kw, []string{"nbytes"}, 1)
		if err != nil {
			return nil, err
		}
		n, err := intArg(a[0])
		if err != nil {
			return nil, err
		}
		o := streamOf(self)
		for len(o.buf) < int(n) {
			more, err := o.fill(th)
			if err != nil {
				return nil, err
			}
			if !more {
				// curio's EOFError carries what was read in bytes_read
				e := rt.NewError(rt.EOFErrorClass, "Unexpected end of data")
				e.Dict.Set("bytes_read", o.take(len(o.buf)))
				return nil, e
			}
		}
		return o.take(int(n)), nil
	})
	aDef(c, "readline", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("readline", args, kw, []string{"maxlen"}, 0)
		if err != nil {
			return nil, err
		}
		max, err := optInt(a[0], 0)
		if err != nil {
			return nil, err
		}
		return streamOf(self).readline(th, int(max))
	})
	aDef(c, "readlines", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		o := streamOf(self)
		var lines []rt.Value
		for {
			line, err := o.readline(th, 0)
			if err != nil {
				return nil, err
			}
			if len(line.(rt.Bytes)) == 0 {
				return &rt.List{Items: lines}, nil
			}
			lines = append(lines, line)
		}
	})
	aDef(c, "write", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		p, err := dataArg("write", args, kw)
		if err != nil {
			return nil, err
		}
		if err := streamOf(self).sock.sendAll(th, p); err != nil {
			return nil, err
		}
		return rt.MakeInt(int64(len(p))), nil
	})
	aDef(c, "writelines", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("writelines", args, kw, []string{"lines"}, 1)
		if err != nil {
			return nil, err
		}
		lines, err := rt.Collect(th, a[0])
		if err != nil {
			return nil, err
		}
		for _, l := range lines {
			p, err := bytesArg("writelines", l)
			if err != nil {
				return nil, err
			}
			if err := streamOf(self).sock.sendAll(th, p); err != nil {
				return nil, err
			}
		}
		return rt.None, nil
	})
	aDef(c, "flush", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, nil // writes go straight to the socket
	})
	aDef(c, "close", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.None, streamOf(self).sock.close(th)
	})
	def(c, "__aiter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return self, nil
	})
	aDef(c, "__anext__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return nextLine(streamOf(self).readline(th, 0))
	})
	aDef(c, "__aenter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return self, nil
	})
	aDef(c, "__aexit__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		return rt.False, streamOf(self).sock.close(th)
	})
}
