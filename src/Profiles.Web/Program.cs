var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();
var app = builder.Build();
app.MapRazorPages();
await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
