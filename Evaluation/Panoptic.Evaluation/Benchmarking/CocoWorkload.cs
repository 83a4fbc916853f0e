using Panoptic.Evaluation.Coco;

namespace Panoptic.Evaluation.Benchmarking;

/// <summary>
/// A deterministic synthetic COCO instance workload: images up to 640×480, ground-truth blobs (a few crowds) and
/// detections that are mostly jittered copies of them (true positives, duplicates, near misses) plus random false
/// positives, every mask a compressed RLE. The same arguments always give the same data.
/// </summary>
public sealed record CocoWorkload(CocoDataset GroundTruth, IReadOnlyList<CocoDetection> Detections)
{
    /// <summary>Builds a workload (images are generated in parallel, each from its own seed).</summary>
    public static CocoWorkload Generate(int images, int categories = 80, int groundTruthPerImage = 7, int detectionsPerImage = 100, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(images);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(categories);
        var imageList = new CocoImage[images];
        var annotations = new List<CocoAnnotation>[images];
        var detections = new List<CocoDetection>[images];
        Parallel.For(0, images, i =>
        {
            var random = new Random(WorkloadSeed.For(seed, i));
            var width = 480 + random.Next(161);
            var height = 360 + random.Next(121);
            var imageId = i + 1L;
            imageList[i] = new CocoImage(imageId, width, height, $"{imageId:D12}.jpg");
            var blobs = new (Blob Blob, int Category)[groundTruthPerImage];
            annotations[i] = new List<CocoAnnotation>(groundTruthPerImage);
            for (var g = 0; g < groundTruthPerImage; g++)
            {
                var crowd = random.NextDouble() < 0.03;
                var blob = Blob.Random(random, width, height, crowd ? 40 : 6, crowd ? 200 : 160);
                var category = 1 + random.Next(categories);
                blobs[g] = (blob, category);
                var mask = blob.ToMask(height, width);
                var id = (long)i * groundTruthPerImage + g + 1;
                annotations[i].Add(new CocoAnnotation(id, imageId, category, mask.Area, mask.ToBox(), CompressedRleSegmentation.Compress(mask), crowd));
            }
            detections[i] = new List<CocoDetection>(detectionsPerImage);
            for (var d = 0; d < detectionsPerImage; d++)
            {
                Blob blob;
                int category;
                if (random.NextDouble() < 0.8 && groundTruthPerImage > 0)
                {
                    var (source, sourceCategory) = blobs[random.Next(groundTruthPerImage)];
                    blob = source.Jitter(random, 0.05 + 0.3 * random.NextDouble());
                    category = random.NextDouble() < 0.9 ? sourceCategory : 1 + random.Next(categories);
                }
                else
                {
                    blob = Blob.Random(random, width, height, 6, 160);
                    category = 1 + random.Next(categories);
                }
                var mask = blob.ToMask(height, width);
                detections[i].Add(new CocoDetection(imageId, category, Math.Round(random.NextDouble(), 3), mask.ToBox(), CompressedRleSegmentation.Compress(mask)));
            }
        });
        var categoryList = Enumerable.Range(1, categories).Select(c => new CocoCategory(c, $"category{c}")).ToList();
        var dataset = new CocoDataset(imageList, categoryList, annotations.SelectMany(a => a).ToList(), "synthetic workload");
        return new CocoWorkload(dataset, detections.SelectMany(d => d).ToList());
    }

    /// <summary>The detections without boxes (what segm evaluation reads after dropping them).</summary>
    public IEnumerable<CocoDetection> MaskOnly() => Detections.Select(d => d with { Box = null });
}
