namespace Panoptic.Core.Data.Synthetic;

/// <summary>
/// A thing's outline: an analytic ellipse (circles too) or a polygon (square, triangle, star), rotated, tested at
/// pixel centres. Hard edges, so that the annotated mask is exactly the painted pixels.
/// </summary>
internal sealed class ShapeGeometry
{
    private readonly double _cx, _cy, _a, _b, _cos, _sin;
    private readonly double[]? _px, _py;

    private ShapeGeometry(double cx, double cy, double a, double b, double angle, double[]? px = null, double[]? py = null)
    {
        (_cx, _cy, _a, _b) = (cx, cy, a, b);
        (_cos, _sin) = (Math.Cos(angle), Math.Sin(angle));
        (_px, _py) = (px, py);
        var r = Math.Max(a, b);
        if (px != null)
        {
            MinX = px.Min(); MaxX = px.Max(); MinY = py!.Min(); MaxY = py!.Max();
        }
        else
        {
            (MinX, MaxX, MinY, MaxY) = (cx - r, cx + r, cy - r, cy + r);
        }
    }

    public double MinX { get; }
    public double MaxX { get; }
    public double MinY { get; }
    public double MaxY { get; }

    /// <summary>A shape of <paramref name="categoryId"/> centred at (cx, cy) with radius <paramref name="r"/>.</summary>
    public static ShapeGeometry Create(int categoryId, double cx, double cy, double r, double angle, double aspect) => categoryId switch
    {
        SyntheticCategories.Circle => new(cx, cy, r, r, 0),
        SyntheticCategories.Ellipse => new(cx, cy, r, r * aspect, angle),
        SyntheticCategories.Square => Regular(cx, cy, r, 4, angle, 1.0),
        SyntheticCategories.Triangle => Regular(cx, cy, r, 3, angle, 1.0),
        SyntheticCategories.Star => Regular(cx, cy, r, 5, angle, 0.45),
        _ => throw new ArgumentOutOfRangeException(nameof(categoryId), categoryId, "not a thing category"),
    };

    /// <summary>A regular polygon (inner == 1) or a star with inner radius ratio <paramref name="inner"/>.</summary>
    private static ShapeGeometry Regular(double cx, double cy, double r, int points, double angle, double inner)
    {
        var star = inner < 1;
        var n = star ? points * 2 : points;
        var px = new double[n];
        var py = new double[n];
        for (var i = 0; i < n; i++)
        {
            var radius = star && i % 2 == 1 ? r * inner : r;
            var t = angle + i * 2 * Math.PI / n;
            px[i] = cx + radius * Math.Cos(t);
            py[i] = cy + radius * Math.Sin(t);
        }
        return new ShapeGeometry(cx, cy, r, r, 0, px, py);
    }

    /// <summary>Whether the point (x, y) — a pixel centre — is inside.</summary>
    public bool Contains(double x, double y)
    {
        if (_px == null)
        {
            var dx = x - _cx;
            var dy = y - _cy;
            var u = dx * _cos + dy * _sin;
            var v = -dx * _sin + dy * _cos;
            return u * u / (_a * _a) + v * v / (_b * _b) <= 1.0;
        }
        // Even-odd crossing test.
        var inside = false;
        for (int i = 0, j = _px.Length - 1; i < _px.Length; j = i++)
        {
            if ((_py![i] > y) != (_py[j] > y) && x < (_px[j] - _px[i]) * (y - _py[i]) / (_py[j] - _py[i]) + _px[i])
                inside = !inside;
        }
        return inside;
    }
}
