using System.Text.Json;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.Optim;
using Panoptic.Torch.Serialization;

namespace Panoptic.Core.Engine.Checkpointing;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// One training checkpoint = one safetensors file, written atomically (temporary file, flushed, renamed): tensors
/// <c>model.*</c> (the state dict), <c>optimizer.{group}.{index}.{slot}</c> (momentum / Adam moments),
/// <c>optimizer.step_counts.{group}</c> (AdamW, int64) and <c>rng.cpu</c> (the global CPU generator's state); metadata
/// <c>panoptic.format</c>, <c>panoptic.state</c> (<see cref="CheckpointState"/> as JSON) and <c>panoptic.config</c>
/// (the resolved config as YAML).
/// </summary>
public static class CheckpointFile
{
    public const string FormatKey = "panoptic.format";
    public const string FormatValue = "panoptic.training-checkpoint/1";
    public const string StateKey = "panoptic.state";
    public const string ConfigKey = "panoptic.config";
    public const string ModelPrefix = "model.";
    public const string OptimizerPrefix = "optimizer.";
    public const string StepCountsPrefix = "optimizer.step_counts.";
    public const string RngKey = "rng.cpu";

    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = false };

    /// <summary>Writes model, optimizer, global RNG and <paramref name="state"/> to <paramref name="path"/>, all or nothing.</summary>
    public static void Save(string path, Module model, Optimizer optimizer, CheckpointState state, string configYaml)
    {
        using var scope = Torch.NewDisposeScope();
        var tensors = new List<KeyValuePair<string, Tensor>>();
        tensors.AddRange(model.StateDict().Select(kv => Entry(ModelPrefix + kv.Key, kv.Value)));
        tensors.AddRange(optimizer.StateTensors().Select(kv => Entry(OptimizerPrefix + kv.Key, kv.Value)));
        if (optimizer is AdamW adam)
        {
            for (var g = 0; g < adam.StepCounts.Count; g++)
                tensors.Add(Entry(StepCountsPrefix + g, Torch.From<long>(adam.StepCounts[g], [adam.StepCounts[g].Length])));
        }
        tensors.Add(Entry(RngKey, Generator.GetDefaultState()));
        var metadata = new Dictionary<string, string>
        {
            [FormatKey] = FormatValue,
            [StateKey] = JsonSerializer.Serialize(state, Json),
            [ConfigKey] = configYaml,
        };
        SafeTensors.Save(path, tensors, metadata);
    }

    /// <summary>Whether <paramref name="metadata"/> is that of a training checkpoint (not a bare weights file).</summary>
    public static bool IsTrainingCheckpoint(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(FormatKey, out var format) && format == FormatValue;

    /// <summary>Reads the state of a checkpoint from its header only (no tensor data).</summary>
    /// <exception cref="CheckpointException">Not a training checkpoint of this format.</exception>
    /// <exception cref="CheckpointFormatException">Not a valid safetensors file (e.g. truncated).</exception>
    public static CheckpointState ReadState(string path) => ParseState(path, SafeTensors.ReadHeader(path).Metadata);

    /// <summary>Loads a checkpoint (tensors on the CPU); dispose the result.</summary>
    /// <exception cref="CheckpointException">Not a training checkpoint of this format.</exception>
    /// <exception cref="CheckpointFormatException">Not a valid safetensors file.</exception>
    public static LoadedCheckpoint Load(string path)
    {
        var tensors = SafeTensors.Load(path);
        try
        {
            var state = ParseState(path, tensors.Metadata);
            return new LoadedCheckpoint(path, tensors, state, tensors.Metadata.GetValueOrDefault(ConfigKey, ""));
        }
        catch
        {
            tensors.Dispose();
            throw;
        }
    }

    private static CheckpointState ParseState(string path, IReadOnlyDictionary<string, string> metadata)
    {
        if (!IsTrainingCheckpoint(metadata))
        {
            var format = metadata.TryGetValue(FormatKey, out var f) ? $"format '{f}'" : "no panoptic.format metadata";
            throw new CheckpointException($"{path} is not a training checkpoint ({format}; expected '{FormatValue}')");
        }
        try
        {
            return JsonSerializer.Deserialize<CheckpointState>(metadata.GetValueOrDefault(StateKey, "null"), Json)
                ?? throw new CheckpointException($"{path}: metadata {StateKey} is missing");
        }
        catch (JsonException e)
        {
            throw new CheckpointException($"{path}: metadata {StateKey} is not valid: {e.Message}", e);
        }
    }

    private static KeyValuePair<string, Tensor> Entry(string name, Tensor tensor) => new(name, tensor);
}
