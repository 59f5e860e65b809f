package modules

import (
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"asyncplay/sim"
	"asyncplay/sim/netsim"
	rt "asyncplay/sim/py/runtime"
	"asyncplay/sim/world"
)

// requests: the blocking HTTP client of the tutorial, against the HTTP
// services the world declares. A get is one blocking call as long as the
// exchange takes (the handshake's round trip, the request, the service's
// delay, the response): in the kernel's thread it holds the one CPU, so
// every task waits, visibly; in a thread or a process only that lane waits
// (sim.Task.SleepBlocking). The service's answer comes from its
// declaration; socket clients of the same service see its own lane.

func init() { register("requests", newRequests) }

var (
	requestExceptionClass = subclassOf("RequestException", "requests.exceptions", rt.OSErrorClass)
	reqConnectionError    = subclassOf("ConnectionError", "requests.exceptions", requestExceptionClass)
	reqHTTPError          = subclassOf("HTTPError", "requests.exceptions", requestExceptionClass)
	reqTimeout            = subclassOf("Timeout", "requests.exceptions", requestExceptionClass)
	reqReadTimeout        = subclassOf("ReadTimeout", "requests.exceptions", reqTimeout)
	reqMissingSchema      = subclassOf("MissingSchema", "requests.exceptions", requestExceptionClass)
	reqJSONDecodeError    = subclassOf("JSONDecodeError", "requests.exceptions", requestExceptionClass)
	responseClass         = newType("Response", "requests.models")
)

type response struct {
	status int
	body   string
	url    string
}

func (r *response) Type() *rt.Class { return responseClass }

func (r *response) Repr(th *rt.Thread) (string, error) {
	return "<Response [" + strconv.Itoa(r.status) + "]>", nil
}

func (r *response) Attr(th *rt.Thread, name string) (rt.Value, bool, error) {
	switch name {
	case "status_code":
		return rt.MakeInt(int64(r.status)), true, nil
	case "text":
		return rt.Str(r.body), true, nil
	case "content":
		return rt.Bytes(r.body), true, nil
	case "ok":
		return rt.MakeBool(r.status < 400), true, nil
	case "url":
		return rt.Str(r.url), true, nil
	case "reason":
		return rt.Str(map[int]string{200: "OK", 400: "Bad Request", 404: "Not Found"}[r.status]), true, nil
	}
	return nil, false, nil
}

func newRequests(in *rt.Interp) *rt.Module {
	m := newModule("requests")
	exc := newModule("requests.exceptions")
	for _, c := range []*rt.Class{requestExceptionClass, reqConnectionError, reqHTTPError, reqTimeout, reqReadTimeout, reqMissingSchema, reqJSONDecodeError} {
		m.NS.Set(c.Name, c)
		exc.NS.Set(c.Name, c)
	}
	m.NS.Set("exceptions", exc)
	m.NS.Set("Response", responseClass)
	fn(m, "get", func(th *rt.Thread, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		a, err := rt.UnpackArgs("get", args, kw, []string{"url", "params", "timeout"}, 1)
		if err != nil {
			return nil, err
		}
		url, ok := a[0].(rt.Str)
		if !ok {
			return nil, rt.NewError(rt.TypeErrorClass, "get() url must be a str, not "+rt.TypeName(a[0]))
		}
		timeout := sim.Time(-1)
		if a[2] != nil && a[2] != rt.None {
			if timeout, err = toTime(a[2]); err != nil {
				return nil, err
			}
		}
		return get(th, string(url), timeout)
	})
	return m
}

// get makes one GET, blocking the calling lane for as long as it takes.
func get(th *rt.Thread, url string, timeout sim.Time) (rt.Value, error) {
	scheme, rest, ok := strings.Cut(url, "://")
	if !ok || (scheme != "http" && scheme != "https") {
		return nil, rt.NewError(reqMissingSchema, "Invalid URL '"+url+"': No scheme supplied. Perhaps you meant http://"+url+"?")
	}
	hostport, path, _ := strings.Cut(rest, "/")
	path = "/" + path
	host, portText, hasPort := strings.Cut(hostport, ":")
	port := 80
	if scheme == "https" {
		port = 443
	}
	if hasPort {
		p, err := strconv.Atoi(portText)
		if err != nil {
			return nil, rt.NewError(requestExceptionClass, "Invalid URL '"+url+"': invalid port")
		}
		port = p
	}
	n, err := netOf(th)
	if err != nil {
		return nil, err
	}
	pool := "HTTPConnectionPool(host='" + host + "', port=" + strconv.Itoa(port) + ")"
	fail := func(e *netsim.Error) error {
		return rt.NewError(reqConnectionError, pool+": Max retries exceeded with url: "+path+
			" (Caused by NewConnectionError('Failed to establish a new connection: "+e.Error()+"'))")
	}
	h, rerr := n.Resolve(host)
	if rerr != nil {
		return nil, fail(netsim.ErrUnknownHost)
	}
	latency, bandwidth := n.Link(h)
	svc := world.ServiceAt(n.Kernel(), netsim.Addr{IP: h.IP, Port: port})
	var status int
	var body string
	took := 2 * latency // the handshake's round trip, or the refusal's
	if svc != nil {
		status, body = svc.Answer(path)
		took += 2*latency + svc.Delay
		if bandwidth > 0 {
			took += sim.Time(int64(len(body)) * int64(sim.Second) / bandwidth)
		}
	}
	if timeout >= 0 && took > timeout {
		took = timeout
	}
	th.Flush()
	th.OnTask(func() error {
		th.Task.SleepBlocking(took)
		return nil
	})
	switch {
	case svc == nil:
		return nil, fail(netsim.ErrRefused)
	case timeout >= 0 && took == timeout && took < 4*latency+svc.Delay:
		return nil, rt.NewError(reqReadTimeout, pool+": Read timed out. (read timeout="+strconv.FormatFloat(timeout.Seconds(), 'g', -1, 64)+")")
	}
	return &response{status: status, body: body, url: url}, nil
}

// fromJSON converts decoded JSON to Python values; numbers keep whether
// they were integers.
func fromJSON(v any) (rt.Value, error) {
	switch v := v.(type) {
	case nil:
		return rt.None, nil
	case bool:
		return rt.MakeBool(v), nil
	case string:
		return rt.Str(v), nil
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return rt.MakeInt(i), nil
		}
		f, err := v.Float64()
		return rt.Float(f), err
	case []any:
		items := make([]rt.Value, len(v))
		for i, x := range v {
			var err error
			if items[i], err = fromJSON(x); err != nil {
				return nil, err
			}
		}
		return &rt.List{Items: items}, nil
	}
	return nil, errors.New("unexpected JSON value")
}

// decodeJSON parses a JSON text, keeping the order of object keys, as
// Python's json does.
func decodeJSON(text string) (rt.Value, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	v, err := decodeValue(dec)
	if err == nil {
		if _, terr := dec.Token(); terr != io.EOF {
			err = errors.New("Extra data")
		}
	}
	return v, err
}

func decodeValue(dec *json.Decoder) (rt.Value, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			d := rt.NewDict()
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				d.SetStr(k.(string), v)
			}
			_, err := dec.Token()
			return d, err
		case '[':
			l := &rt.List{}
			for dec.More() {
				v, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				l.Items = append(l.Items, v)
			}
			_, err := dec.Token()
			return l, err
		}
	}
	return fromJSON(tok)
}

func init() {
	c := responseClass
	def(c, "json", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		r := self.(*response)
		v, err := decodeJSON(r.body)
		if err != nil {
			return nil, rt.NewError(reqJSONDecodeError, "Expecting value: line 1 column 1 (char 0)")
		}
		return v, nil
	})
	def(c, "raise_for_status", func(th *rt.Thread, self rt.Value, args []rt.Value, kw *rt.Kwargs) (rt.Value, error) {
		r := self.(*response)
		if r.status >= 400 {
			kind := "Client"
			if r.status >= 500 {
				kind = "Server"
			}
			reason := map[int]string{400: "Bad Request", 404: "Not Found"}[r.status]
			return nil, rt.NewError(reqHTTPError, strconv.Itoa(r.status)+" "+kind+" Error: "+reason+" for url: "+r.url)
		}
		return rt.None, nil
	})
}
