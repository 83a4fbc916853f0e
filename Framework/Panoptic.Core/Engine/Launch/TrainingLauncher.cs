using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Engine;
using Panoptic.Abstractions.Evaluation;
using Panoptic.Abstractions.Modeling;
using Panoptic.Core.Config.Binding;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Config.Tree;
using Panoptic.Core.Data.Loading;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Core.Engine.Data;
using Panoptic.Core.Engine.Distributed;
using Panoptic.Core.Engine.Evaluation;
using Panoptic.Core.Engine.Observability;
using Panoptic.Core.Engine.Optimization;
using Panoptic.Core.Hosting;
using Panoptic.Torch;
using Panoptic.Torch.NN;

namespace Panoptic.Core.Engine.Launch;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// <c>panoptic train</c> made of a loaded runtime (detectron2 <c>DefaultTrainer</c> + <c>default_setup</c>): scales
/// the solver, picks the start (resume / init-from / fresh) and the seed, seeds the global generator before the model
/// is built, builds data, model, schedule (default <c>WarmupMultiStepLR</c>), hooks and evaluation through their
/// registries, writes <c>config.yaml</c> and <c>manifest.json</c>, and runs the <see cref="Trainer"/>. With
/// <see cref="LaunchOptions.Distributed"/> it first joins the data-parallel job: rank 0 decides the seed and the
/// checkpoint to resume from, each rank loads its shard of every batch, and only rank 0 writes files.
/// </summary>
public static class TrainingLauncher
{
    /// <summary>The schedule used when <c>solver.lr_schedule</c> is null (detectron2's default).</summary>
    public const string DefaultSchedule = "WarmupMultiStepLR";

    public static TrainingResult Run(PanopticRuntime runtime, LaunchOptions options)
    {
        var config = runtime.Config ?? throw new ArgumentException("the runtime was made without a config", nameof(runtime));
        var services = runtime.Services;
        var runtimeSection = config.Section<RuntimeSection>();
        Torch.Initialize(options.Distributed is { } distributed
            ? distributed.ThreadsPerProcess(runtimeSection.Threads)
            : runtimeSection.Threads > 0 ? runtimeSection.Threads : null);
        using var context = options.Distributed is { } join ? DistributedContext.Join(join) : null;
        var main = context?.IsMain ?? true;
        var scaled = SolverScaling.Apply(config.Section<SolverSection>(), config.Section<TestSection>(), context?.WorldSize ?? 1);
        var solver = scaled.Solver;
        var output = runtimeSection.OutputDir;
        if (main)
            Directory.CreateDirectory(output);
        var log = main ? options.Progress : PlainProgress.Silent;

        var (resume, seed) = context is null ? Decide(runtimeSection, options, output, log) : Shared(context, runtimeSection, options, output, log);
        if (context is not null)
            log.Message($"data parallel: {context.WorldSize} processes ({options.Distributed!.Backend}, master {options.Distributed.MasterAddr}:{options.Distributed.MasterPort}), {solver.ImsPerBatch / context.WorldSize} images per process per iteration");
        log.Message($"seed {seed.Value}{(seed.Drawn ? $" (drawn; runtime.seed={seed.Value} repeats this run)" : "")}");
        if (scaled.Note is { } note)
            log.Message(note);
        Torch.ManualSeed(seed.Value);

        var pipeline = DataPipeline.From(services);
        var train = pipeline.LoadTrain();
        var shard = context is null ? null : new LoaderShard(context.Rank, context.WorldSize);
        var data = new LoaderTrainingData(pipeline.TrainLoader(train, solver.ImsPerBatch / solver.GradAccumulationSteps, seed.Value, shard));
        var spec = config.Model ?? throw new ConfigException(new ConfigError(new ConfigSource.Default("config"), SectionCatalog.ModelKey,
            "the config has no model; set model: {name: GeneralizedRCNN, …} (panoptic plugins list --kind meta_architecture lists them)"));
        using var model = BuildModel(services, spec, train, runtimeSection.Device);
        var schedule = services.GetRequiredService<LRScheduleRegistry>().Build(
            solver.LrSchedule ?? ComponentSpec<ILRSchedule>.Named(DefaultSchedule), ScheduleContext(solver));
        var hooks = runtimeSection.Hooks.Select(h => services.GetRequiredService<TrainingHookRegistry>().Build(h, new TrainingHookContext(output))).ToList();
        var (evaluation, evaluationNote) = DatasetEvaluation.FromConfig(pipeline, scaled.Test, services.GetRequiredService<EvaluatorRegistry>(), output);
        log.Message($"training {spec.Name} on {train.Name} ({train.Records.Count} images), {solver.MaxIter} iterations of {solver.ImsPerBatch} images" +
                    (solver.GradAccumulationSteps > 1 ? $" ({solver.GradAccumulationSteps} micro-batches)" : "") + $"; {evaluationNote}; output {output}");

        var snapshot = ConfigSnapshot.From(config);
        TrainingStart start = resume is not null ? new TrainingStart.Resume(resume)
            : options.InitFrom is { } weights ? new TrainingStart.InitFrom(weights)
            : TrainingStart.FromScratch;
        if (main)
        {
            AtomicFile.WriteAllText(Path.Combine(output, "config.yaml"), snapshot.Yaml);
            (Manifest(runtime, config, snapshot, options, seed, scaled.Note, start) with { WorldSize = context?.WorldSize ?? 1 })
                .Write(Path.Combine(output, RunManifest.FileName));
        }

        var trainer = new Trainer(new TrainerSetup
        {
            Model = model,
            Solver = solver,
            Schedule = schedule,
            Data = data,
            Seed = seed.Value,
            Runtime = runtimeSection,
            Test = scaled.Test,
            Evaluation = evaluation,
            Hooks = hooks,
            Progress = log,
            Config = snapshot,
            BestMetricSource = SourceOf(config, "test", "best_metric"),
            Distributed = context,
        });
        var result = trainer.Run(start, options.Cancellation);
        // Rank 0 keeps the store alive until every rank is done with it (e.g. reading the last evaluation's metrics).
        context?.Group.Barrier();
        return result;
    }

    /// <summary>One process: the checkpoint to resume from (when asked and found) and the seed.</summary>
    private static (string? Resume, RunSeed Seed) Decide(RuntimeSection runtime, LaunchOptions options, string output, ITrainingProgress log)
    {
        var resume = options.Resume ? new CheckpointStore(Path.Combine(output, "checkpoints"), 0).FindLatest() : null;
        if (options.Resume && resume is null)
            log.Message($"--resume: no checkpoint in {Path.Combine(output, "checkpoints")}; starting {(options.InitFrom is null ? "from scratch" : "from " + options.InitFrom)}");
        var resumed = resume is null ? null : CheckpointFile.ReadState(resume);
        return (resume, RunSeed.Choose(runtime.Seed, resumed, resume));
    }

    /// <summary>Data parallel: rank 0's <see cref="Decide"/>, shared with every rank.</summary>
    private static (string? Resume, RunSeed Seed) Shared(DistributedContext context, RuntimeSection runtime, LaunchOptions options, string output, ITrainingProgress log)
    {
        var decision = LaunchDecision.Share(context, () =>
        {
            var (resume, seed) = Decide(runtime, options, output, log);
            return new LaunchDecision(seed.Value, seed.Drawn, resume);
        });
        return (decision.Resume, new RunSeed(decision.Seed, decision.SeedDrawn));
    }

    /// <summary>What schedules are built with: the solver's shared keys (after scaling).</summary>
    public static LRScheduleContext ScheduleContext(SolverSection solver) =>
        new(solver.MaxIter, solver.Steps, solver.Gamma, solver.WarmupFactor, solver.WarmupIters, solver.WarmupMethod)
        {
            EndFactor = solver.BaseLrEnd / solver.BaseLr,
        };

    private static Module BuildModel(IServiceProvider services, ComponentSpec<IMetaArchitecture> spec, LoadedDataset train, string device)
    {
        var built = services.GetRequiredService<MetaArchitectureRegistry>().Build(spec, new MetaArchitectureContext(train.Metadata));
        var model = (Module)built;
        model.To(Device.Parse(device));
        return model;
    }

    private static RunManifest Manifest(PanopticRuntime runtime, ResolvedConfig config, ConfigSnapshot snapshot, LaunchOptions options, RunSeed seed, string? scaling, TrainingStart start)
    {
        var host = new[] { typeof(TrainingLauncher).Assembly, typeof(IMetaArchitecture).Assembly, typeof(Tensor).Assembly }
            .Select(a => AssemblyFingerprint.Of(a, "host")).ToList();
        var shim = Path.Combine(Path.GetDirectoryName(typeof(Tensor).Assembly.Location) ?? "", "libpanoptic_torch.so");
        if (File.Exists(shim))
            host.Add(new AssemblyFingerprint("libpanoptic_torch", Torch.Version, shim, AssemblyFingerprint.HashFile(shim), "host (native)"));
        return new RunManifest
        {
            Created = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            CommandLine = options.CommandLine,
            Seed = seed.Value,
            SeedDrawn = seed.Drawn,
            Start = start switch
            {
                TrainingStart.Resume r => $"resume {r.Checkpoint}",
                TrainingStart.InitFrom i => $"init-from {i.Weights}",
                _ => "fresh",
            },
            ConfigFiles = config.Files,
            Config = snapshot.Yaml,
            SolverScaling = scaling,
            Plugins = runtime.Plugins.Plugins.Select(p => AssemblyFingerprint.Of(p.Assembly, p.Origin)).ToList(),
            Host = host,
            Machine = MachineInfo.Collect() with { Blas = options.Blas },
        };
    }

    private static ConfigSource? SourceOf(ResolvedConfig config, string section, string key) =>
        (config.Tree[section] as ConfigMapping)?[key]?.Source;
}
