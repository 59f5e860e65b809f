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
	img     *ebiten.Image // nil for a blank glyph (a space)
	dx, dy  int           // where img goes relative to the pen on the baseline
	advance float64
}

// fontCache holds one size's glyphs.
type fontCache struct {
	face   font.Face
	ascent float64
	glyphs map[rune]glyph
}

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
	f := &fontCache{face: face, ascent: float64(face.Metrics().Ascent.Ceil()), glyphs: map[rune]glyph{}}
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
		dst := image.NewRGBA(image.Rect(0, 0, rect.Dx(), rect.Dy()))
		d := font.Drawer{Dst: dst, Src: image.NewUniform(color.White), Face: f.face,
			Dot: fixed.P(-rect.Min.X, -rect.Min.Y)}
		d.DrawString(string(r))
		g.img = ebiten.NewImageFromImage(dst)
		g.dx, g.dy = rect.Min.X, rect.Min.Y
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

// drawText draws s with its top-left corner at (x, y), at most maxW wide
// (cut with an ellipsis; 0: no limit), and returns where it ended.
func drawText(dst *ebiten.Image, s string, x, y, size float64, clr color.Color, maxW float64) float64 {
	f := fontOf(size)
	if maxW > 0 && textWidth(s, size) > maxW {
		ell := f.glyph('…').advance
		runes := []rune(s)
		for len(runes) > 0 && textWidth(string(runes), size)+ell > maxW {
			runes = runes[:len(runes)-1]
		}
		s = string(runes) + "…"
	}
	var op ebiten.DrawImageOptions
	op.ColorScale.ScaleWithColor(clr)
	base := math.Round(y + f.ascent)
	pen := math.Round(x)
	for _, r := range s {
		g := f.glyph(r)
		if g.img != nil {
			op.GeoM.Reset()
			op.GeoM.Translate(pen+float64(g.dx), base+float64(g.dy))
			dst.DrawImage(g.img, &op)
		}
		pen += g.advance
	}
	return pen
}
