package draw

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomedium"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Text is drawn from glyphs rasterised once per size with
// x/image/font/opentype and kept as small ebiten images. ebiten's own text
// package shapes text with go-text, which costs about 6 MB of wasm; the
// view only needs left-to-right Latin labels, so a glyph cache is enough.
var medium, _ = opentype.Parse(gomedium.TTF)

type glyph struct {
	src     image.Rectangle // where it is in the atlas; empty for a blank glyph (a space)
	dx, dy  int             // where src goes relative to the pen on the baseline
	advance float64
}

// fontCache holds one size's glyphs, packed in rows into one atlas image,
// so that a frame's text is one DrawTriangles32 call (a call per glyph
// took most of a busy frame's Go time).
type fontCache struct {
	face   font.Face
	ascent float64
	glyphs map[rune]glyph
	atlas  *ebiten.Image
	// The packing cursor: the next glyph goes at (x, y) in a row rowH high.
	x, y, rowH int
}

const atlasSize = 1024

var fonts = map[int]*fontCache{}

// fontOf is the cache of size px (rounded), made on first use.
func fontOf(size float64) *fontCache {
	px := max(6, int(math.Round(size)))
	if f, ok := fonts[px]; ok {
		return f
	}
	face, err := opentype.NewFace(medium, &opentype.FaceOptions{Size: float64(px), DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(err) // the embedded font parses; this cannot happen
	}
	f := &fontCache{face: face, ascent: float64(face.Metrics().Ascent.Ceil()), glyphs: map[rune]glyph{},
		atlas: ebiten.NewImage(atlasSize, atlasSize)}
	fonts[px] = f
	return f
}

func (f *fontCache) glyph(r rune) glyph {
	if g, ok := f.glyphs[r]; ok {
		return g
	}
	bounds, adv, ok := f.face.GlyphBounds(r)
	if !ok {
		r = '?'
		bounds, adv, _ = f.face.GlyphBounds(r)
	}
	g := glyph{advance: fix(adv)}
	rect := image.Rect(bounds.Min.X.Floor(), bounds.Min.Y.Floor(), bounds.Max.X.Ceil(), bounds.Max.Y.Ceil())
	if !rect.Empty() {
		w, h := rect.Dx()+2, rect.Dy()+2 // a pixel of margin: no neighbour bleeds in
		if f.x+w > atlasSize {
			f.x, f.y, f.rowH = 0, f.y+f.rowH, 0
		}
		if f.y+h <= atlasSize { // a full atlas draws no more new glyphs, rather than fail
			dst := image.NewRGBA(image.Rect(0, 0, w, h))
			d := font.Drawer{Dst: dst, Src: image.NewUniform(color.White), Face: f.face,
				Dot: fixed.P(1-rect.Min.X, 1-rect.Min.Y)}
			d.DrawString(string(r))
			at := image.Rect(f.x, f.y, f.x+w, f.y+h)
			f.atlas.SubImage(at).(*ebiten.Image).WritePixels(dst.Pix)
			g.src = at.Inset(1)
			g.dx, g.dy = rect.Min.X, rect.Min.Y
			f.x += w
			f.rowH = max(f.rowH, h)
		}
	}
	f.glyphs[r] = g
	return g
}

func fix(v fixed.Int26_6) float64 { return float64(v) / 64 }

// textWidth is s's width at size.
func textWidth(s string, size float64) float64 {
	f := fontOf(size)
	w := 0.0
	for _, r := range s {
		w += f.glyph(r).advance
	}
	return w
}

// texts queues glyphs per atlas and destination and draws each queue in
// one call; Paint flushes it where text must be above what follows, and at
// its end.
type texts struct {
	dst   *ebiten.Image
	atlas *ebiten.Image
	vs    []ebiten.Vertex
	is    []uint32
}

var queued texts

func (q *texts) flush() {
	if len(q.is) > 0 {
		q.dst.DrawTriangles32(q.vs, q.is, q.atlas, &ebiten.DrawTrianglesOptions{Filter: ebiten.FilterNearest})
	}
	q.vs, q.is = q.vs[:0], q.is[:0]
}

// drawText queues s with its top-left corner at (x, y), at most maxW wide
// (cut with an ellipsis; 0: no limit), and returns where it ended.
func drawText(dst *ebiten.Image, s string, x, y, size float64, clr color.RGBA, maxW float64) float64 {
	f := fontOf(size)
	if maxW > 0 && textWidth(s, size) > maxW {
		ell := f.glyph('…').advance
		runes := []rune(s)
		for len(runes) > 0 && textWidth(string(runes), size)+ell > maxW {
			runes = runes[:len(runes)-1]
		}
		s = string(runes) + "…"
	}
	if queued.dst != dst || queued.atlas != f.atlas {
		queued.flush()
		queued.dst, queued.atlas = dst, f.atlas
	}
	cr, cg, cb, ca := float32(clr.R)/255, float32(clr.G)/255, float32(clr.B)/255, float32(clr.A)/255
	base := math.Round(y + f.ascent)
	pen := math.Round(x)
	for _, r := range s {
		g := f.glyph(r)
		if !g.src.Empty() {
			x0, y0 := float32(pen)+float32(g.dx), float32(base)+float32(g.dy)
			w, h := float32(g.src.Dx()), float32(g.src.Dy())
			sx, sy := float32(g.src.Min.X), float32(g.src.Min.Y)
			n := uint32(len(queued.vs))
			for _, c := range [4][4]float32{{0, 0, 0, 0}, {w, 0, w, 0}, {0, h, 0, h}, {w, h, w, h}} {
				queued.vs = append(queued.vs, ebiten.Vertex{DstX: x0 + c[0], DstY: y0 + c[1], SrcX: sx + c[2], SrcY: sy + c[3],
					ColorR: cr, ColorG: cg, ColorB: cb, ColorA: ca})
			}
			queued.is = append(queued.is, n, n+1, n+2, n+1, n+3, n+2)
		}
		pen += g.advance
	}
	return pen
}
