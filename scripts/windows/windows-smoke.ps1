#Requires -Version 5.1
<#
.SYNOPSIS
    Kiểm tra nhanh minutes-tui trên một máy Windows thật; in PASS/FAIL cho từng bước.
    Smoke test of minutes-tui on a real Windows machine; prints PASS/FAIL per step.

.DESCRIPTION
    Steps: install (or find) minutes-tui; import the sample meeting; export the notice
    (.docx) and a PDF (LibreOffice, SKIP when absent); start the app in its own console,
    type a line with Enter and half of another, kill the whole process tree (as a power cut
    would), then check the archive still opens and the committed line is in the record.
    All data goes to a fresh folder under %TEMP%; the user's meetings are never touched.
    Exit code: the number of failed steps.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File .\windows-smoke.ps1
#>
param(
    [switch]$SkipInstall,
    # The app command; default: minutes-tui on PATH, else the one uv installs.
    [string]$Command = ""
)

$ErrorActionPreference = "Continue"
Set-StrictMode -Version Latest
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8
Add-Type -AssemblyName System.IO.Compression.FileSystem

$results = New-Object System.Collections.ArrayList
function Step([string]$name, [string]$verdict, [string]$detail = "") {
    [void]$results.Add([pscustomobject]@{ Step = $name; Result = $verdict; Detail = $detail })
    $color = @{ PASS = "Green"; FAIL = "Red"; SKIP = "Yellow" }[$verdict]
    Write-Host ("{0,-4}  {1}  {2}" -f $verdict, $name, $detail) -ForegroundColor $color
}

function DocxText([string]$path) {
    # The text of a .docx: word/document.xml without its tags.
    $zip = [System.IO.Compression.ZipFile]::OpenRead($path)
    try {
        $entry = $zip.GetEntry("word/document.xml")
        $reader = New-Object System.IO.StreamReader($entry.Open(), [System.Text.Encoding]::UTF8)
        try { return ($reader.ReadToEnd() -replace "<[^>]+>", "") } finally { $reader.Dispose() }
    } finally { $zip.Dispose() }
}

function FileStartsWith([string]$path, [byte[]]$magic) {
    if (-not (Test-Path $path)) { return $false }
    $bytes = [System.IO.File]::ReadAllBytes($path)
    if ($bytes.Length -lt $magic.Length) { return $false }
    for ($i = 0; $i -lt $magic.Length; $i++) { if ($bytes[$i] -ne $magic[$i]) { return $false } }
    return $true
}

# 1. Install (or find) the app -------------------------------------------------------------
if (-not $Command) {
    $found = Get-Command minutes-tui -ErrorAction SilentlyContinue
    if (-not $found -and -not $SkipInstall -and (Test-Path (Join-Path $PSScriptRoot "install.ps1"))) {
        & powershell -NoProfile -ExecutionPolicy Bypass -File (Join-Path $PSScriptRoot "install.ps1")
        $uvBin = Join-Path $env:USERPROFILE ".local\bin\minutes-tui.exe"
        if (Test-Path $uvBin) { $found = Get-Item $uvBin }
    }
    if ($found) { $Command = if ($found -is [System.Management.Automation.CommandInfo]) { $found.Source } else { $found.FullName } }
}
if ($Command -and (Test-Path $Command)) {
    $version = & $Command --version 2>&1
    if ($LASTEXITCODE -eq 0) { Step "install" "PASS" "$version ($Command)" } else { Step "install" "FAIL" "$version" }
} else {
    Step "install" "FAIL" "minutes-tui not found (run install.ps1 first, or pass -Command)"
    exit 1
}

$data = Join-Path $env:TEMP ("minutes-tui-smoke-" + [guid]::NewGuid().ToString("N").Substring(0, 8))
New-Item -ItemType Directory -Force -Path $data | Out-Null
$notes = Join-Path $PSScriptRoot "sample-notes.txt"

# 2. Import the sample meeting -------------------------------------------------------------
if (Test-Path $notes) {
    $id = (& $Command --data "$data\archive" import $notes 2>&1 | Select-Object -Last 1)
    if ($LASTEXITCODE -eq 0 -and "$id".Trim()) { Step "import" "PASS" "meeting $id" } else { Step "import" "FAIL" "$id" }
} else {
    Step "import" "FAIL" "missing $notes"
}

# 3. Export the notice as .docx ------------------------------------------------------------
$docx = Join-Path $data "notice.docx"
$out = & $Command --data "$data\archive" export last --out $docx 2>&1
if ($LASTEXITCODE -eq 0 -and (FileStartsWith $docx ([byte[]](0x50, 0x4B)))) {
    Step "export .docx" "PASS" $docx
} else { Step "export .docx" "FAIL" "$out" }

# 4. Export a PDF (needs LibreOffice) ------------------------------------------------------
$pdfDocx = Join-Path $data "notice-pdf.docx"
$out = & $Command --data "$data\archive" export last --pdf --out $pdfDocx 2>&1
$pdf = [System.IO.Path]::ChangeExtension($pdfDocx, ".pdf")
if ($LASTEXITCODE -eq 0 -and (FileStartsWith $pdf ([byte[]](0x25, 0x50, 0x44, 0x46)))) {
    Step "export PDF" "PASS" $pdf
} elseif ("$out" -match "LibreOffice") {
    Step "export PDF" "SKIP" "LibreOffice not installed: $out"
} else { Step "export PDF" "FAIL" "$out" }

# 5. Kill the app mid-typing, as a power cut would -----------------------------------------
# The app runs in its own console window (conhost, so the window has a title we set);
# keys are typed into it with SendKeys, then the whole process tree is killed.
$title = "MTUI-SMOKE-" + [guid]::NewGuid().ToString("N").Substring(0, 6)
$committed = "Dong kiem tra mat dien $title"
$inner = "title $title & `"$Command`" --data `"$data\archive`" new"
$console = Start-Process -FilePath "conhost.exe" -ArgumentList "cmd.exe /c $inner" -PassThru
Start-Sleep -Seconds 6
$shell = New-Object -ComObject WScript.Shell
if ($shell.AppActivate($title)) {
    Start-Sleep -Milliseconds 500
    $shell.SendKeys($committed + "{ENTER}")
    Start-Sleep -Milliseconds 800
    $shell.SendKeys("dong dang go do")
    Start-Sleep -Seconds 2
    & taskkill.exe /PID $console.Id /T /F | Out-Null
    Start-Sleep -Seconds 1
    Step "kill -9 while typing" "PASS" "process tree of $($console.Id) killed"
} else {
    & taskkill.exe /PID $console.Id /T /F | Out-Null
    Step "kill -9 while typing" "FAIL" "could not bring the app window '$title' to the front"
}

# 6. Reopen: the archive loads and the committed line is there ------------------------------
$listing = & $Command --data "$data\archive" list 2>&1
if ($LASTEXITCODE -eq 0) { Step "reopen after kill" "PASS" "$(@($listing).Count) meetings listed" } else { Step "reopen after kill" "FAIL" "$listing" }
$record = Join-Path $data "record.docx"
$out = & $Command --data "$data\archive" export last --record --out $record 2>&1
if ($LASTEXITCODE -eq 0 -and (Test-Path $record) -and ((DocxText $record) -like "*$committed*")) {
    Step "line committed before the kill is kept" "PASS" $committed
} else { Step "line committed before the kill is kept" "FAIL" "$out" }

# Summary ---------------------------------------------------------------------------------
$failed = @($results | Where-Object { $_.Result -eq "FAIL" }).Count
Write-Host ""
Write-Host ("{0} steps, {1} failed. Data of this run: {2}" -f $results.Count, $failed, $data)
exit $failed
