package netsim

import "strconv"

// Error is a socket error as Linux reports it: Python raises Class (an
// OSError subclass) with Errno and Text, printed "[Errno 111] Connection
// refused".
type Error struct {
	Class string // the Python exception class
	Errno int
	Text  string
}

func (e *Error) Error() string { return "[Errno " + strconv.Itoa(e.Errno) + "] " + e.Text }

// The errors a program can meet, with Linux's numbers and words.
var (
	ErrRefused      = &Error{"ConnectionRefusedError", 111, "Connection refused"}
	ErrReset        = &Error{"ConnectionResetError", 104, "Connection reset by peer"}
	ErrBrokenPipe   = &Error{"BrokenPipeError", 32, "Broken pipe"}
	ErrTimedOut     = &Error{"TimeoutError", 110, "Connection timed out"}
	ErrAddrInUse    = &Error{"OSError", 98, "Address already in use"}
	ErrAddrNotAvail = &Error{"OSError", 99, "Cannot assign requested address"}
	ErrBadFD        = &Error{"OSError", 9, "Bad file descriptor"}
	ErrNotConnected = &Error{"OSError", 107, "Transport endpoint is not connected"}
	ErrIsConnected  = &Error{"OSError", 106, "Transport endpoint is already connected"}
	ErrInvalid      = &Error{"OSError", 22, "Invalid argument"}
	// ErrUnknownHost is socket.gaierror, whose errno is negative.
	ErrUnknownHost = &Error{"gaierror", -2, "Name or service not known"}
)
