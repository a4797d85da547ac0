using Led.Toolkit.Learning;
using Led.Toolkit.Validation;

namespace Led.Toolkit.Tests.Validation;

public class LayerOptionRulesTests
{
    [Fact]
    public void DefinedValuesAndAMatchingOddKernelList_HaveNoErrors()
    {
        Assert.Empty(LayerOptionRules.Activation(Activation.Silu));
        Assert.Empty(LayerOptionRules.Pooling(PoolingKind.Max));
        Assert.Empty(LayerOptionRules.Kernels([3, 5, 1], [8, 8, 8], kernel: 5, max: 101));
        Assert.Empty(LayerOptionRules.Kernels(null, [8, 8], kernel: 5, max: 101));
    }

    [Fact]
    public void EachBrokenRule_IsOneErrorNamingTheMemberAndTheFix()
    {
        Assert.Equal(["Activation"], Assert.Single(LayerOptionRules.Activation((Activation)9)).MemberNames);
        Assert.Contains("avg, max", Assert.Single(LayerOptionRules.Pooling((PoolingKind)9)).ErrorMessage);

        var errors = LayerOptionRules.Kernels([3, 4, 103], [8, 8], kernel: 7, max: 101).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains("e.g. [7, 7]", errors[0].ErrorMessage);
        Assert.Contains("Kernels[1] is 4", errors[1].ErrorMessage);
        Assert.Contains("use e.g. 5", errors[1].ErrorMessage);
        Assert.Contains("between 1 and 101", errors[2].ErrorMessage);
        Assert.All(errors, e => Assert.Equal(["Kernels"], e.MemberNames));
    }
}
