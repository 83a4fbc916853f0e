using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Data.Validation;

/// <summary>Counts per class: instances (things) or segments (stuff), crowds, images.</summary>
internal static class ClassHistogram
{
    public static IReadOnlyList<CategoryCount> Count(IReadOnlyList<DatasetRecord> records, DatasetMetadata metadata)
    {
        var things = metadata.ThingClasses.Count;
        var semantic = metadata.StuffClasses.Count;
        var instances = new long[things + semantic];
        var crowd = new long[things + semantic];
        var images = new long[things + semantic];
        var seen = new HashSet<int>();
        foreach (var record in records)
        {
            seen.Clear();
            foreach (var a in record.Annotations.Where(a => a.CategoryId >= 0 && a.CategoryId < things))
                Add(a.CategoryId, a.IsCrowd);
            foreach (var s in record.Segments.Where(s => !s.IsThing && s.CategoryId > 0 && s.CategoryId < semantic))
                Add(things + s.CategoryId, s.IsCrowd);
        }
        var rows = new List<CategoryCount>(things + semantic);
        for (var i = 0; i < things; i++)
            rows.Add(new CategoryCount(i, metadata.ThingClasses[i], true, instances[i], crowd[i], images[i]));
        for (var k = 1; k < semantic; k++)
            rows.Add(new CategoryCount(k, metadata.StuffClasses[k], false, instances[things + k], crowd[things + k], images[things + k]));
        return rows;

        void Add(int slot, bool isCrowd)
        {
            if (isCrowd)
                crowd[slot]++;
            else
                instances[slot]++;
            if (seen.Add(slot))
                images[slot]++;
        }
    }
}
