namespace Panoptic.Torch.NN.Modules;

/// <summary>
/// Batch normalisation (<c>torch.nn.BatchNorm2d</c>): batch statistics in training (updating the running ones with
/// <see cref="Momentum"/>), running statistics in eval. State: weight, bias, running_mean, running_var, num_batches_tracked.
/// </summary>
public sealed class BatchNorm2d : Module<Tensor, Tensor>
{
    private readonly Tensor _numBatchesTracked;

    public BatchNorm2d(long numFeatures, double eps = 1e-5, double momentum = 0.1, bool affine = true)
    {
        (Eps, Momentum) = (eps, momentum);
        if (affine)
        {
            using var w = Torch.Ones([numFeatures]);
            using var b = Torch.Zeros([numFeatures]);
            Weight = RegisterParameter("weight", w);
            Bias = RegisterParameter("bias", b);
        }
        RunningMean = RegisterBuffer("running_mean", Torch.Zeros([numFeatures]))!;
        RunningVar = RegisterBuffer("running_var", Torch.Ones([numFeatures]))!;
        _numBatchesTracked = RegisterBuffer("num_batches_tracked", Torch.Zeros([], DType.Int64))!;
    }

    public Parameter? Weight { get; }
    public Parameter? Bias { get; }
    public Tensor RunningMean { get; }
    public Tensor RunningVar { get; }
    public double Eps { get; }
    public double Momentum { get; }

    public override Tensor Forward(Tensor input)
    {
        if (input.Dim != 4) throw new TorchException($"BatchNorm2d expects 4-D input (N, C, H, W), got {input.Dim}-D");
        if (Training)
        {
            using (Torch.NoGrad()) _numBatchesTracked.Add_(1);
        }
        return Functional.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, Training, Momentum, Eps);
    }
}
