using Panoptic.Abstractions.Data;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Data.Coco;
using Panoptic.Core.Data.Synthetic;

namespace Panoptic.Core.Data.Validation;

/// <summary>
/// What <c>panoptic data check</c> checks, by kind of argument: a COCO instances or panoptic JSON, a synthetic dataset
/// folder (every split, both formats), or the datasets a config declares (built through their registry, so a
/// plugin's dataset types are checked too). A dataset that cannot be read at all becomes a report of that problem.
/// </summary>
public static class DatasetChecks
{
    /// <summary>Checks one annotation file.</summary>
    /// <param name="annotationFile">COCO instances or panoptic JSON (told apart by content).</param>
    /// <param name="imageRoot">Image folder; null for the JSON's folder.</param>
    /// <param name="panopticRoot">PNG folder of a panoptic file; null for the JSON path without <c>.json</c>.</param>
    /// <param name="categoriesFile">Categories list replacing a panoptic file's own, or null.</param>
    /// <param name="options">What else to check.</param>
    public static DatasetReport File(string annotationFile, string? imageRoot, string? panopticRoot, string? categoriesFile, ValidationOptions options)
    {
        var name = Path.GetFileNameWithoutExtension(annotationFile);
        return Guard(name, annotationFile, () =>
        {
            var images = imageRoot ?? Path.GetDirectoryName(Path.GetFullPath(annotationFile))!;
            var load = CocoFileKind.Detect(annotationFile) == CocoFormat.Panoptic
                ? CocoPanopticReader.Read(annotationFile, panopticRoot, images, name, categoriesFile)
                : CocoInstancesReader.Read(annotationFile, images, name);
            return DatasetValidator.Check(load, annotationFile, options);
        });
    }

    /// <summary>Checks every split of a synthetic dataset folder, panoptic and instances files.</summary>
    public static IReadOnlyList<DatasetReport> SyntheticFolder(string root, ValidationOptions options)
    {
        var layout = new SyntheticLayout(root);
        var reports = new List<DatasetReport>();
        foreach (var split in SyntheticLayout.Splits.Where(s => System.IO.File.Exists(layout.PanopticJson(s))))
        {
            reports.Add(File(layout.PanopticJson(split), layout.ImageFolder(split), null, null, options));
            reports.Add(File(layout.InstancesJson(split), layout.ImageFolder(split), null, null, options));
        }
        if (reports.Count == 0)
            reports.Add(DatasetReport.Unreadable(Path.GetFileName(root), root, [new DatasetProblem(DatasetProblemKind.UnreadableFile, root,
                $"no split found: expected {string.Join(" or ", SyntheticLayout.Splits.Select(layout.PanopticJson))}")]));
        return reports;
    }

    /// <summary>Checks the training and test datasets a config's <c>dataset:</c> section declares.</summary>
    public static IReadOnlyList<DatasetReport> Config(DatasetSection section, DatasetSourceRegistry sources, ValidationOptions options)
    {
        var specs = section.Train.Select(s => (Spec: s, IsTrain: true)).Concat(section.Test.Select(s => (Spec: s, IsTrain: false)));
        return specs.Select(entry => Guard(entry.Spec.Name, $"dataset.{(entry.IsTrain ? "train" : "test")} {entry.Spec.Name}", () =>
        {
            var source = sources.Build(entry.Spec, new DatasetSourceContext(entry.IsTrain));
            var records = source.Load();
            var file = source.Metadata.AnnotationFile ?? entry.Spec.Name;
            return DatasetValidator.Check(new DatasetLoad(source.Metadata, records, []), file, options) with { Name = source.Metadata.Name };
        })).ToList();
    }

    private static DatasetReport Guard(string name, string source, Func<DatasetReport> check)
    {
        try
        {
            return check();
        }
        catch (DatasetDataException e)
        {
            return DatasetReport.Unreadable(name, source, e.Problems);
        }
    }
}
