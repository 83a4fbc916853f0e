namespace Panoptic.Torch.NN;

/// <summary>
/// <c>torch.nn.init</c>: in-place initialisers drawing from the global generator (or the one given), with PyTorch's
/// arithmetic, so that the same seed and the same sequence of calls give PyTorch's exact values.
/// </summary>
public static class Init
{
    /// <summary>(fan_in, fan_out) of a weight: dims 1 and 0 times the receptive field (product of dims 2..).</summary>
    public static (long FanIn, long FanOut) CalculateFanInAndFanOut(Tensor tensor)
    {
        var shape = tensor.Shape;
        if (shape.Length < 2)
            throw new TorchException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        long receptive = 1;
        for (var i = 2; i < shape.Length; i++) receptive *= shape[i];
        return (shape[1] * receptive, shape[0] * receptive);
    }

    /// <summary><c>calculate_gain</c> for linear/conv/sigmoid (1), tanh (5/3), relu (√2), leaky_relu (√(2/(1+a²))).</summary>
    public static double CalculateGain(string nonlinearity, double param = 0.01) => nonlinearity switch
    {
        "linear" or "conv2d" or "conv_transpose2d" or "sigmoid" => 1.0,
        "tanh" => 5.0 / 3,
        "relu" => Math.Sqrt(2.0),
        "leaky_relu" => Math.Sqrt(2.0 / (1 + param * param)),
        _ => throw new ArgumentException($"unsupported nonlinearity '{nonlinearity}' (linear, conv2d, sigmoid, tanh, relu, leaky_relu)"),
    };

    private static long Fan(Tensor t, string mode) => mode switch
    {
        "fan_in" => CalculateFanInAndFanOut(t).FanIn,
        "fan_out" => CalculateFanInAndFanOut(t).FanOut,
        _ => throw new ArgumentException($"mode '{mode}' not supported, valid: fan_in, fan_out"),
    };

    public static Tensor KaimingUniform_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu", Generator? generator = null)
    {
        var std = CalculateGain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
        var bound = Math.Sqrt(3.0) * std;
        return tensor.Uniform_(-bound, bound, generator);
    }

    public static Tensor KaimingNormal_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu", Generator? generator = null) =>
        tensor.Normal_(0, CalculateGain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode)), generator);

    public static Tensor XavierUniform_(Tensor tensor, double gain = 1.0, Generator? generator = null)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        var a = Math.Sqrt(3.0) * gain * Math.Sqrt(2.0 / (fanIn + fanOut));
        return tensor.Uniform_(-a, a, generator);
    }

    public static Tensor Uniform_(Tensor tensor, double a = 0, double b = 1, Generator? generator = null) => tensor.Uniform_(a, b, generator);

    public static Tensor Normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null) => tensor.Normal_(mean, std, generator);

    public static Tensor Constant_(Tensor tensor, double value)
    {
        using (Torch.NoGrad()) return tensor.Fill_(value);
    }

    public static Tensor Zeros_(Tensor tensor) => Constant_(tensor, 0);

    public static Tensor Ones_(Tensor tensor) => Constant_(tensor, 1);

    /// <summary>The default reset of Linear/Conv layers: kaiming_uniform(a=√5) on the weight, U(±1/√fan_in) on the bias.</summary>
    internal static void ResetLinearLike(Tensor weight, Tensor? bias)
    {
        KaimingUniform_(weight, a: Math.Sqrt(5));
        if (bias is null) return;
        var fanIn = CalculateFanInAndFanOut(weight).FanIn;
        if (fanIn == 0) return;
        var bound = 1 / Math.Sqrt(fanIn);
        bias.Uniform_(-bound, bound);
    }
}
