using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Data;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Data.Synthetic;
using Panoptic.Core.Data.Validation;
using Panoptic.Core.Hosting;

namespace Panoptic.Cli.Commands;

/// <summary>
/// <c>panoptic data check CONFIG [key=value …] | FOLDER | JSON …</c>: every inconsistency of the datasets, by file and
/// id, and a class histogram per dataset; exit 2 when any dataset has an error.
/// </summary>
internal static class DataCheckCommand
{
    public static Command Build()
    {
        var targets = new Argument<string[]>("targets")
        {
            Description = "A YAML config (its dataset.train/test; further key.path=value arguments override it), a synthetic dataset folder, or COCO instances/panoptic JSON files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var images = new Option<string?>("--images") { Description = "Image folder of the JSON files (default: the JSON's folder)." };
        var pngs = new Option<string?>("--panoptic-root") { Description = "PNG folder of a panoptic JSON (default: the JSON path without .json)." };
        var categories = new Option<string?>("--categories") { Description = "Categories list (panoptic_coco_categories.json) replacing a panoptic JSON's own." };
        var decode = new Option<bool>("--decode") { Description = "Decode every image to check it is readable and of the annotated size (slower)." };
        var limit = new Option<int>("--max-problems") { Description = "Problems printed per dataset (all are counted).", DefaultValueFactory = _ => 100 };
        var plugins = PluginsCommand.PluginOption();
        var command = new Command("check", "Validate datasets: unique ids, PNG segments ↔ JSON, known categories, areas, boxes inside images; prints a class histogram. Exit 2 on any error.");
        command.Arguments.Add(targets);
        foreach (var option in new Option[] { images, pngs, categories, decode, limit, plugins })
            command.Options.Add(option);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var options = new ValidationOptions { DecodeImages = parse.GetValue(decode) };
            var reports = Check(parse.GetValue(targets)!, parse.GetValue(images), parse.GetValue(pngs), parse.GetValue(categories), parse.GetValue(plugins) ?? [], options);
            foreach (var report in reports)
                DatasetReportPrinter.Print(report, Math.Max(0, parse.GetValue(limit)));
            var failed = reports.Count(r => r.HasErrors);
            Console.WriteLine(failed == 0 ? $"ok: {reports.Count} dataset(s) checked, no errors" : $"error: {failed} of {reports.Count} dataset(s) have errors");
            return failed == 0 ? CliErrors.Ok : CliErrors.BadInput;
        }));
        return command;
    }

    private static IReadOnlyList<DatasetReport> Check(string[] targets, string? images, string? pngs, string? categories, string[] plugins, ValidationOptions options)
    {
        var first = targets[0];
        if (first.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || first.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            var runtime = PanopticRuntime.Load(first, targets[1..], new PluginSelection { CommandLine = plugins });
            return DatasetChecks.Config(runtime.Config!.Section<DatasetSection>(), runtime.Services.GetRequiredService<DatasetSourceRegistry>(), options);
        }
        var reports = new List<DatasetReport>();
        foreach (var target in targets)
        {
            if (Directory.Exists(target))
            {
                if (!SyntheticLayout.IsLayout(target))
                    throw new UserInputException($"{target}: a folder must be a synthetic dataset (annotations/categories.json); give the JSON files of other datasets");
                reports.AddRange(DatasetChecks.SyntheticFolder(target, options));
            }
            else if (File.Exists(target))
            {
                reports.Add(DatasetChecks.File(target, images, pngs, categories, options));
            }
            else
            {
                throw new UserInputException($"{target}: no such file or folder (expected a YAML config, a synthetic dataset folder or a COCO JSON)");
            }
        }
        return reports;
    }
}
