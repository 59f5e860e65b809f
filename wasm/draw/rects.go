package draw

import (
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
)

// rects collects solid rectangles and draws them with one DrawTriangles32
// call: a 100-task run has thousands of bars on screen, and one call per
// bar costs more Go time per frame than the whole layout.
type rects struct {
	vs []ebiten.Vertex
	is []uint32
}

// white is the source the rectangles sample: its inner pixel only, so
// filtering never reaches a transparent edge.
var white = func() *ebiten.Image {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
}()

// add queues a w by h rectangle at (x, y) in colour c.
func (r *rects) add(x, y, w, h float64, c color.RGBA) {
	if w <= 0 || h <= 0 {
		return
	}
	n := uint32(len(r.vs))
	cr, cg, cb, ca := float32(c.R)/255, float32(c.G)/255, float32(c.B)/255, float32(c.A)/255
	for _, p := range [4][2]float64{{x, y}, {x + w, y}, {x, y + h}, {x + w, y + h}} {
		r.vs = append(r.vs, ebiten.Vertex{DstX: float32(p[0]), DstY: float32(p[1]), SrcX: 1.5, SrcY: 1.5,
			ColorR: cr, ColorG: cg, ColorB: cb, ColorA: ca})
	}
	r.is = append(r.is, n, n+1, n+2, n+1, n+3, n+2)
}

// flush draws what was queued onto dst and empties the batch.
func (r *rects) flush(dst *ebiten.Image) {
	if len(r.is) > 0 {
		dst.DrawTriangles32(r.vs, r.is, white, nil)
	}
	r.vs, r.is = r.vs[:0], r.is[:0]
}
