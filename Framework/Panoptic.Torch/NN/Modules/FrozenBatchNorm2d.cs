namespace Panoptic.Torch.NN.Modules;

/// <summary>
/// Batch normalisation with fixed statistics and affine terms, all buffers (torchvision/detectron2
/// <c>FrozenBatchNorm2d</c>): y = x · w/√(rv+eps) + (b − rm · w/√(rv+eps)). Used in detection backbones.
/// </summary>
public sealed class FrozenBatchNorm2d : Module<Tensor, Tensor>
{
    public FrozenBatchNorm2d(long numFeatures, double eps = 1e-5)
    {
        Eps = eps;
        Weight = RegisterBuffer("weight", Torch.Ones([numFeatures]))!;
        Bias = RegisterBuffer("bias", Torch.Zeros([numFeatures]))!;
        RunningMean = RegisterBuffer("running_mean", Torch.Zeros([numFeatures]))!;
        RunningVar = RegisterBuffer("running_var", Torch.Ones([numFeatures]))!;
    }

    public Tensor Weight { get; }
    public Tensor Bias { get; }
    public Tensor RunningMean { get; }
    public Tensor RunningVar { get; }
    public double Eps { get; }

    /// <summary>(N, C, H, W) → (N, C, H, W).</summary>
    public override Tensor Forward(Tensor input)
    {
        using var scope = Torch.NewDisposeScope();
        var scale = Weight * (RunningVar + Eps).Rsqrt();
        var shift = Bias - RunningMean * scale;
        var y = input * scale.Reshape(1, -1, 1, 1) + shift.Reshape(1, -1, 1, 1);
        return scope.MoveToOuter(y);
    }
}
