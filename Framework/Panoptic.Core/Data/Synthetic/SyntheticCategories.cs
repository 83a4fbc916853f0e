namespace Panoptic.Core.Data.Synthetic;

/// <summary>A category of the synthetic dataset, with COCO panoptic fields (id, name, isthing, colour for pictures).</summary>
public sealed record SyntheticCategory(int Id, string Name, bool IsThing, byte R, byte G, byte B);

/// <summary>The fixed category table: five shape "things" and four textured "stuff" regions.</summary>
public static class SyntheticCategories
{
    public const int Circle = 1, Square = 2, Triangle = 3, Star = 4, Ellipse = 5;
    public const int Sky = 6, Ground = 7, Water = 8, Wall = 9;

    public static IReadOnlyList<SyntheticCategory> All { get; } =
    [
        new(Circle, "circle", true, 220, 20, 60),
        new(Square, "square", true, 0, 130, 200),
        new(Triangle, "triangle", true, 250, 170, 30),
        new(Star, "star", true, 150, 40, 200),
        new(Ellipse, "ellipse", true, 30, 200, 100),
        new(Sky, "sky", false, 135, 206, 235),
        new(Ground, "ground", false, 120, 90, 50),
        new(Water, "water", false, 20, 80, 160),
        new(Wall, "wall", false, 170, 110, 90),
    ];

    public static IReadOnlyList<int> ThingIds { get; } = [Circle, Square, Triangle, Star, Ellipse];
}
