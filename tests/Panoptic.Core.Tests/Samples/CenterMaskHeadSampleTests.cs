using System.Diagnostics;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Modeling.RoIHeads;
using Panoptic.Abstractions.Structures;
using Panoptic.Core.Hosting;
using Panoptic.Core.Tests.Support;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.Optim;
using Xunit;
using Xunit.Abstractions;

namespace Panoptic.Core.Tests.Samples;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// The third-party plugin sample <c>samples/CenterMaskHead</c>: built on its own with <c>dotnet build</c>, loaded from
/// its config's <c>plugins:</c> list, its <c>SAGMaskHead</c> plugs into the built-in Mask R-CNN as the mask head, a
/// small model trains (the loss falls over 8 iterations) and predicts instances with masks.
/// </summary>
public sealed class CenterMaskHeadSampleTests(ITestOutputHelper output)
{
    private const int Iterations = 8;

    private static string SampleFolder => Path.Combine(TestPaths.RepositoryRoot, "samples", "CenterMaskHead");

    private static string ConfigPath => Path.Combine(SampleFolder, "configs", "mask_rcnn_sag_r18_synthetic.yaml");

    private static PluginSelection BuiltIns => new() { BuiltInRoot = Path.Combine(TestPaths.RepositoryRoot, "artifacts", "plugins"), Environment = false };

    [Fact]
    public void The_sample_builds_loads_trains_and_segments()
    {
        BuildSample();
        var pluginFolder = Path.Combine(SampleFolder, "bin", "plugin", "CenterMaskHead");
        File.Exists(Path.Combine(pluginFolder, "CenterMaskHead.dll")).Should().BeTrue();
        Directory.GetFiles(pluginFolder, "Panoptic.*.dll").Should().BeEmpty("the shared contracts come from the host, never a second copy");

        // Small enough for seconds on a CPU: 32-channel head convs and FPN, a narrow box head, every detection kept.
        var runtime = PanopticRuntime.Load(ConfigPath,
            ["model.roi_heads.mask_head.conv_dim=32", "model.roi_heads.box_head.fc_dim=64", "model.backbone.out_channels=32",
             "model.roi_heads.score_thresh_test=0.0"], BuiltIns);
        var maskHeadKind = runtime.Components.KindNamed("mask_head");
        var descriptor = runtime.Components.Find(maskHeadKind, "SAGMaskHead");
        descriptor.ImplementationType.Should().NotBeNull();
        descriptor.ImplementationType!.Should().BeAssignableTo<IMaskHead>();
        descriptor.AssemblyName.Should().Be("CenterMaskHead");
        Path.GetFullPath(descriptor.Assembly.Location).Should().StartWith(Path.GetFullPath(pluginFolder));
        descriptor.OptionsType.GetProperty("NumConv").Should().NotBeNull();

        Torch.ManualSeed(3);
        using var model = (Module)runtime.Services.GetRequiredService<MetaArchitectureRegistry>().Build(runtime.Config!.Model!, new MetaArchitectureContext());
        var maskHead = model.NamedModules().Single(m => m.Key.EndsWith("mask_head", StringComparison.Ordinal)).Value;
        maskHead.GetType().Name.Should().Be("SAGMaskHead");
        maskHead.Should().BeAssignableTo<IMaskHead>();
        maskHead.NamedModules().Select(m => m.Key).Should().Contain(["mask_fcn4", "sam", "deconv", "predictor"]);
        var meta = (IMetaArchitecture)model;

        var batch = new[]
        {
            Scene(80, [(0, 8, 10, 30, 24), (3, 44, 40, 28, 30)], 1),
            Scene(80, [(1, 12, 40, 26, 30), (4, 40, 8, 32, 28)], 2),
        };
        model.Train();
        var parameters = model.Parameters().Where(p => p.RequiresGrad).ToList();
        using var optimizer = new SGD(parameters, 0.01, momentum: 0.9);
        var totals = new List<double>();
        var maskLosses = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            using var scope = Torch.NewDisposeScope();
            var losses = meta.Losses(batch);
            losses.Keys.Should().Contain("loss_mask");
            var total = losses.Values.Aggregate((a, b) => a + b);
            optimizer.ZeroGrad();
            total.Backward();
            GradClip.ClipGradNorm_(parameters, 10.0);
            optimizer.Step();
            totals.Add(total.ToDouble());
            maskLosses.Add(losses["loss_mask"].ToDouble());
            output.WriteLine($"iteration {iteration}: {string.Join(", ", losses.Select(l => $"{l.Key} {l.Value.ToDouble():F4}"))}, total {totals[^1]:F4}");
        }
        var (first, last) = (totals.Take(2).Average(), totals.TakeLast(2).Average());
        output.WriteLine($"{Iterations} iterations in {clock.Elapsed.TotalSeconds:F1} s; total loss {first:F4} -> {last:F4}");
        totals.Should().OnlyContain(t => double.IsFinite(t));
        last.Should().BeLessThan(first, "the loss should fall while training");
        maskLosses.TakeLast(2).Average().Should().BeLessThan(maskLosses.Take(2).Average(), "the SAG-Mask head should learn too");

        model.Eval();
        using var inference = Torch.NewDisposeScope();
        var outputs = meta.Inference(batch);
        outputs.Should().HaveCount(batch.Length);
        foreach (var result in outputs)
        {
            var instances = result.Instances!;
            instances.Count.Should().BeGreaterThan(0);
            var masks = instances.Get<Tensor>(InstanceFields.PredMasks);
            masks.Shape.Should().Equal(instances.Count!.Value, 80, 80);
            masks.DType.Should().Be(DType.Bool);
        }
    }

    /// <summary><c>dotnet build samples/CenterMaskHead/CenterMaskHead.csproj -c Release</c>, as its user would.</summary>
    private void BuildSample()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "build", Path.Combine(SampleFolder, "CenterMaskHead.csproj"), "-c", "Release", "-nologo", "-v", "quiet", "-nodeReuse:false", "-p:UseSharedCompilation=false" },
            WorkingDirectory = TestPaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild settings must not leak into the child build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "VSTEST_HOST_DEBUG").ToList())
            start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(10)).Should().BeTrue("the sample build should finish");
        var log = stdout.Result + stderr.Result;
        output.WriteLine(log);
        process.ExitCode.Should().Be(0, $"the sample should build:\n{log}");
    }

    /// <summary>A BGR uint8 image of <paramref name="size"/>² with filled rectangles (even classes) and ellipses (odd).</summary>
    private static ModelInput Scene(int size, (int Class, int X, int Y, int Width, int Height)[] shapes, ulong seed)
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = new Generator(seed);
        var image = Torch.Rand([3, size, size], generator: generator) * 60 + 90;
        var ys = Torch.Arange(0L, size, 1L, DType.Float32).View(-1, 1);
        var xs = Torch.Arange(0L, size, 1L, DType.Float32).View(1, -1);
        var masks = new List<Tensor>();
        foreach (var (cls, x, y, w, h) in shapes)
        {
            var u = (xs + 0.5 - (x + w / 2.0)) / (w / 2.0);
            var v = (ys + 0.5 - (y + h / 2.0)) / (h / 2.0);
            var mask = cls % 2 == 0 ? u.Abs().Le(1.0) & v.Abs().Le(1.0) : (u * u + v * v).Le(1.0);
            var colour = Torch.From(new float[] { 40 + 40 * cls, 220 - 40 * cls, 60 + 30 * cls }, 3, 1, 1);
            image = Torch.Where(mask.Unsqueeze(0), colour.Expand(3, size, size), image);
            masks.Add(mask);
        }
        var boxes = Torch.From(shapes.SelectMany(s => new float[] { s.X, s.Y, s.X + s.Width, s.Y + s.Height }).ToArray(), shapes.Length, 4);
        var instances = new Instances(size, size)
            .Set(InstanceFields.GtBoxes, new Boxes(scope.MoveToOuter(boxes)))
            .Set(InstanceFields.GtClasses, scope.MoveToOuter(Torch.From(shapes.Select(s => (long)s.Class).ToArray(), shapes.Length)))
            .Set(InstanceFields.GtMasks, new BitMasks(scope.MoveToOuter(Torch.Stack(masks, 0))));
        return new ModelInput(scope.MoveToOuter(image.Round().To(DType.UInt8)), size, size) { Instances = instances };
    }
}
