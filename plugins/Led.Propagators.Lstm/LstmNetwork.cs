using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Propagators.Lstm;

/// <summary>
/// The parameters of <see cref="LstmPropagator"/>: the recurrent layers, <c>lstm</c> (PyTorch LSTM, gate order i, f, g, o —
/// the same arithmetic as the reference's LSTMCell, run over a whole sequence in one call) or <c>gru</c> (PyTorch GRU,
/// gate order r, z, n), with <c>layers</c> stacked (parameters <c>weight_ih_l0</c>, <c>weight_ih_l1</c>, …, batch first),
/// and <c>head</c> (Linear from the last layer's hidden state).
/// </summary>
internal sealed class LstmNetwork : nn.Module
{
    private readonly LSTM? lstm;
    private readonly GRU? gru;
    private readonly Linear head;
    private readonly bool _tanhplus;
    private readonly bool _residual;

    public LstmNetwork(int latentDim, int hidden, int layers, RecurrentCell cell, bool tanhplus, bool residual) : base("Lstm")
    {
        (LatentDim, Hidden, Layers, Cell, _tanhplus, _residual) = (latentDim, hidden, layers, cell, tanhplus, residual);
        if (cell == RecurrentCell.Gru) gru = nn.GRU(latentDim, hidden, numLayers: layers, batchFirst: true);
        else lstm = nn.LSTM(latentDim, hidden, numLayers: layers, batchFirst: true);
        head = nn.Linear(hidden, latentDim);
        RegisterComponents();
    }

    public int LatentDim { get; }

    public int Hidden { get; }

    public int Layers { get; }

    public RecurrentCell Cell { get; }

    /// <summary>The name of the recurrent module's parameters: <c>lstm</c> or <c>gru</c>.</summary>
    public string RecurrentName => Cell == RecurrentCell.Gru ? "gru" : "lstm";

    /// <summary>The reference's initialisation; called once the module has its final dtype and device.</summary>
    public void Initialise()
    {
        using (no_grad())
        {
            foreach (var (name, parameter) in ((nn.Module?)lstm ?? gru)!.named_parameters())
            {
                if (name.StartsWith("weight_ih", StringComparison.Ordinal)) nn.init.xavier_uniform_(parameter);
                else if (name.StartsWith("weight_hh", StringComparison.Ordinal)) Orthogonal(parameter);
                else parameter.fill_(0.001);
            }
            nn.init.xavier_uniform_(head.weight);
            head.bias!.fill_(0.001);
        }
    }

    /// <summary>A random matrix with orthonormal columns (or rows), computed in the parameter's own precision.</summary>
    private static void Orthogonal(Tensor parameter)
    {
        using var scope = NewDisposeScope();
        bool tall = parameter.shape[0] >= parameter.shape[1];
        var a = randn(tall ? parameter.shape : [parameter.shape[1], parameter.shape[0]], dtype: parameter.dtype, device: parameter.device);
        var (q, r) = linalg.qr(a);
        q = q * r.diagonal().sign();
        parameter.copy_(tall ? q : q.t());
    }

    public Tensor Run(LstmState state, Tensor latents)
    {
        Tensor output;
        if (gru is not null)
        {
            (output, var hn) = gru.forward(latents, state.Hidden);
            state.Update(hn, null);
        }
        else
        {
            (output, var hn, var cn) = lstm!.forward(latents, (state.Hidden, state.Cell!));
            state.Update(hn, cn);
        }
        using (output)
        {
            using var linear = head.forward(output);
            if (!_tanhplus) return _residual ? latents + linear : linear.alias();
            if (!_residual) return linear.tanh().mul(0.5).add_(0.5);
            // tanhplus⁻¹(z) = artanh(2z − 1); inputs are clamped just inside (0, 1) to keep it finite
            using var preactivation = latents.clamp(1e-6, 1 - 1e-6).mul(2).sub_(1).atanh();
            return (preactivation + linear).tanh().mul(0.5).add_(0.5);
        }
    }
}
