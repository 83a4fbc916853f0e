using Panoptic.Core.Reporting;
using Panoptic.Evaluation.Imaging;

namespace Panoptic.Plugins.Engine.Tests.Cli;

/// <summary>
/// <c>panoptic demo</c> at toy scale (8 training, 2 validation images of 64×64, 12 iterations), then <c>panoptic
/// infer</c> with the demo's weights on the validation images and <c>panoptic eval pq</c> on what it wrote.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "panoptic-tests", "demo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void The_demo_writes_a_report_and_infer_writes_panoptic_files_that_eval_pq_scores_as_training_did()
    {
        var demo = Path.Combine(_root, "demo");
        var (code, stdout, stderr) = CliRun.Run("demo", "--output", demo, "--iterations", "12", "--train-images", "8", "--val-images", "2", "--size", "64", "--overlays", "2", "--seed", "3");
        code.Should().Be(0, stderr + stdout);
        stdout.Should().Contain($"report: {Path.Combine(demo, "report.md")}");

        var report = File.ReadAllText(Path.Combine(demo, "report.md"));
        report.Should().Contain("| metric | before training | iteration 4 | iteration 8 | iteration 12 |");
        report.Should().MatchRegex(@"\| PQ \| [0-9.]+ \| [0-9.]+ \|");
        report.Should().Contain("![loss curve](loss_curve.png)").And.Contain("![overlays](overlays.png)");
        var overlays = PngCodec.Decode(Path.Combine(demo, "overlays.png"));
        overlays.Height.Should().BeGreaterThan(2 * 64, "two rows of 64-pixel panels");
        overlays.Width.Should().BeGreaterThan(3 * 64, "image, ground truth and prediction side by side");
        PngCodec.Decode(Path.Combine(demo, "loss_curve.png")).Width.Should().Be(900);

        // The final in-process evaluation, as training logged it.
        var final = MetricsHistory.Read(Path.Combine(demo, "train")).Evaluations()[^1].Values["panoptic/PQ"];

        var infer = Path.Combine(_root, "infer");
        var environment = new Dictionary<string, string> { ["PANOPTIC_SYNTHETIC"] = Path.Combine(demo, "data") };
        var config = Path.Combine(RepositoryRoot(), "Configs", "demo", "panoptic_fpn_r18_demo.yaml");
        (code, stdout, stderr) = CliRun.Run(environment, "infer", "--config", config, "--weights", Path.Combine(demo, "train", "checkpoints", "model_final.safetensors"),
            "--input", Path.Combine(demo, "data", "images", "val"), "--out", infer, "--visualize");
        code.Should().Be(0, stderr + stdout);
        Directory.GetFiles(Path.Combine(infer, "panoptic"), "*.png").Should().HaveCount(2);
        Directory.GetFiles(Path.Combine(infer, "vis"), "*.png").Should().HaveCount(2);
        File.Exists(Path.Combine(infer, "results.json")).Should().BeTrue();

        (code, stdout, stderr) = CliRun.Run("eval", "pq", "--gt-json", Path.Combine(demo, "data", "annotations", "panoptic_val.json"),
            "--pred-json", Path.Combine(infer, "panoptic.json"), "--json", Path.Combine(infer, "pq.json"));
        code.Should().Be(0, stderr + stdout);
        using var pq = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(infer, "pq.json")));
        pq.RootElement.GetProperty("All").GetProperty("pq").GetDouble().Should().BeApproximately(final, 1e-9,
            "infer applies the same test transforms and fusion as the evaluation during training");
    }

    [Fact]
    public void Out_of_range_options_exit_with_code_2()
    {
        var (code, _, stderr) = CliRun.Run("demo", "--output", Path.Combine(_root, "bad"), "--size", "10");
        code.Should().Be(2);
        stderr.Should().Contain("--size must be 64..1024, got 10");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Panoptic.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Panoptic.sln not found above the test binaries");
    }
}
