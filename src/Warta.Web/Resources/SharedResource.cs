namespace Warta.Web.Resources;

/// <summary>Names the web app's interface texts: <c>SharedResource.id.resx</c> (Indonesian, the default) and <c>SharedResource.en.resx</c> beside this file.</summary>
public sealed class SharedResource
{
    private SharedResource()
    {
    }
}
