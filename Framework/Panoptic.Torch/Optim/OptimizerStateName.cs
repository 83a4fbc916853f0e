namespace Panoptic.Torch.Optim;

/// <summary>Parses optimizer state names <c>{group}.{index}.{slot}</c> against the group sizes.</summary>
internal static class OptimizerStateName
{
    public static (int Group, int Index, string Slot) Parse(string name, int[] groupSizes)
    {
        var parts = name.Split('.', 3);
        if (parts.Length != 3 || !int.TryParse(parts[0], out var g) || !int.TryParse(parts[1], out var i))
            throw new ArgumentException($"optimizer state name '{name}' is not '<group>.<index>.<slot>'");
        if (g < 0 || g >= groupSizes.Length || i < 0 || i >= groupSizes[g])
            throw new ArgumentException($"optimizer state '{name}' refers to a parameter that does not exist (groups: [{string.Join(", ", groupSizes)}])");
        return (g, i, parts[2]);
    }
}
