using Panoptic.Evaluation.Json;
using Panoptic.Evaluation.PanopticQuality;

namespace Panoptic.Evaluation.Benchmarking;

/// <summary>
/// A deterministic synthetic panoptic workload on disk: <see cref="Variants"/> distinct 640×480 ground-truth /
/// prediction PNG pairs (stuff bands, thing blobs, a little VOID, a few crowds; predictions shifted, some things
/// missed, some invented), and JSON files listing <see cref="Images"/> images that cycle through them — so every
/// image is decoded and matched, without writing thousands of PNGs.
/// </summary>
public sealed record PanopticWorkload(string GroundTruthJson, string GroundTruthFolder, string PredictionJson, string PredictionFolder, int Images, int Variants)
{
    private const int Width = 640;
    private const int Height = 480;
    private const int ThingCategories = 80;
    private const int StuffCategories = 53;

    /// <summary>The 133 categories: 80 things then 53 stuff, like COCO panoptic.</summary>
    public static IReadOnlyList<PanopticCategory> Categories { get; } = Enumerable.Range(1, ThingCategories + StuffCategories)
        .Select(id => new PanopticCategory(id, $"category{id}", id <= ThingCategories))
        .ToList();

    /// <summary>Writes the workload under <paramref name="folder"/>.</summary>
    public static PanopticWorkload Write(string folder, int images, int variants = 50, int thingsPerImage = 7, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(images);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(variants);
        var gtFolder = Path.Combine(folder, "gt");
        var predFolder = Path.Combine(folder, "pred");
        var gtVariants = new PanopticAnnotation[variants];
        var predVariants = new PanopticAnnotation[variants];
        Parallel.For(0, variants, v =>
        {
            var random = new Random(WorkloadSeed.For(seed, v) ^ 0x5bd1e995);
            var (gt, pred) = Pair(random, v.ToString(System.Globalization.CultureInfo.InvariantCulture), thingsPerImage);
            gtVariants[v] = PanopticJsonWriter.WritePng(gtFolder, $"variant{v:D3}.png", gt);
            predVariants[v] = PanopticJsonWriter.WritePng(predFolder, $"variant{v:D3}.png", pred);
        });
        var gtAnnotations = new List<PanopticAnnotation>(images);
        var predAnnotations = new List<PanopticAnnotation>(images);
        for (var i = 0; i < images; i++)
        {
            var id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            gtAnnotations.Add(gtVariants[i % variants] with { ImageId = id });
            predAnnotations.Add(predVariants[i % variants] with { ImageId = id });
        }
        var gtJson = Path.Combine(folder, "gt.json");
        var predJson = Path.Combine(folder, "pred.json");
        PanopticJsonWriter.Write(gtJson, gtAnnotations, Categories);
        PanopticJsonWriter.Write(predJson, predAnnotations, Categories);
        return new PanopticWorkload(gtJson, gtFolder, predJson, predFolder, images, variants);
    }

    private static (PanopticImage Gt, PanopticImage Pred) Pair(Random random, string imageId, int things)
    {
        var gtIds = new int[Width * Height];
        var predIds = new int[Width * Height];
        var gtSegments = new List<PanopticSegment>();
        var predSegments = new List<PanopticSegment>();
        var nextGt = 1;
        var nextPred = 1;

        // Stuff: horizontal bands; the prediction's band edges move by a few rows.
        var bands = 3 + random.Next(3);
        var edges = Enumerable.Range(0, bands - 1).Select(_ => random.Next(Height)).Order().Prepend(0).Append(Height).ToArray();
        for (var b = 0; b < bands; b++)
        {
            var category = ThingCategories + 1 + random.Next(StuffCategories);
            var shift = random.Next(-12, 13);
            var gtId = Id(nextGt++, random);
            var predId = Id(nextPred++, random);
            FillRows(gtIds, edges[b], edges[b + 1], gtId);
            FillRows(predIds, Math.Clamp(edges[b] + (b == 0 ? 0 : shift), 0, Height), Math.Clamp(edges[b + 1] + (b == bands - 1 ? 0 : shift), 0, Height), predId);
            gtSegments.Add(new PanopticSegment(gtId, category));
            predSegments.Add(new PanopticSegment(predId, category));
        }

        // Things: blobs, some crowd; the prediction jitters them, misses some and invents a few.
        for (var t = 0; t < things; t++)
        {
            var blob = Blob.Random(random, Width, Height, 8, 120);
            var category = 1 + random.Next(ThingCategories);
            var gtId = Id(nextGt++, random);
            blob.Paint(gtIds, Height, Width, gtId);
            gtSegments.Add(new PanopticSegment(gtId, category, IsCrowd: random.NextDouble() < 0.05));
            if (random.NextDouble() < 0.1)
                continue;
            var predId = Id(nextPred++, random);
            blob.Jitter(random, 0.05 + 0.25 * random.NextDouble()).Paint(predIds, Height, Width, predId);
            predSegments.Add(new PanopticSegment(predId, random.NextDouble() < 0.9 ? category : 1 + random.Next(ThingCategories)));
        }
        for (var extra = random.Next(3); extra > 0; extra--)
        {
            var predId = Id(nextPred++, random);
            Blob.Random(random, Width, Height, 8, 60).Paint(predIds, Height, Width, predId);
            predSegments.Add(new PanopticSegment(predId, 1 + random.Next(ThingCategories)));
        }

        // VOID in the ground truth: a couple of unlabelled blobs.
        for (var v = 1 + random.Next(2); v > 0; v--)
            Blob.Random(random, Width, Height, 5, 40).Paint(gtIds, Height, Width, 0);

        return (Present(imageId, gtIds, gtSegments), Present(imageId, predIds, predSegments));
    }

    /// <summary>Keeps the segments still visible after painting (a later blob may cover an earlier one).</summary>
    private static PanopticImage Present(string imageId, int[] ids, List<PanopticSegment> segments)
    {
        var visible = new HashSet<int>(ids);
        return new PanopticImage(imageId, Width, Height, ids, segments.Where(s => visible.Contains(s.Id)).ToList());
    }

    private static int Id(int index, Random random) => index * 65536 + random.Next(1, 65536);

    private static void FillRows(int[] ids, int y0, int y1, int id) => ids.AsSpan(y0 * Width, (y1 - y0) * Width).Fill(id);
}
