#Requires -Version 5.1
<#
.SYNOPSIS
    Cài minutes-tui cho người dùng hiện tại từ gói cài ngoại tuyến (không cần quyền quản trị, không cần Internet).
    Installs minutes-tui for the current user from the offline bundle (no admin rights, no internet).

.DESCRIPTION
    Thư mục gói cài (do scripts/windows/build_offline_bundle.py tạo) gồm:
      uv.exe, wheels\ (minutes-tui và các thư viện), python\python.exe (CPython độc lập).
    Python được chép vào %LOCALAPPDATA%\minutes-tui\python để vẫn chạy khi rút USB;
    uv cài minutes-tui vào môi trường riêng và đưa lệnh minutes-tui vào PATH của người dùng.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File .\install.ps1
#>
param(
    # The standalone CPython of the bundle (python-build-standalone, install_only, Windows x64).
    [string]$Python = (Join-Path $PSScriptRoot "python\python.exe")
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8

$bundle = $PSScriptRoot
$uv = Join-Path $bundle "uv.exe"
$wheels = Join-Path $bundle "wheels"

function Fail([string]$message) {
    Write-Host "LỖI / ERROR: $message" -ForegroundColor Red
    exit 1
}

if (-not (Test-Path $uv)) { Fail "Thiếu uv.exe trong $bundle (missing uv.exe): hãy tạo lại gói cài." }
if (-not (Test-Path $wheels)) { Fail "Thiếu thư mục wheels trong $bundle (missing wheels\)." }
if (-not (Get-ChildItem $wheels -Filter "minutes_tui-*.whl")) { Fail "Không có minutes_tui-*.whl trong $wheels." }
if (-not (Test-Path $Python)) {
    Fail ("Thiếu Python độc lập: $Python (missing the standalone Python).`n" +
          "  Tải cpython-3.12.*-x86_64-pc-windows-msvc-install_only.tar.gz từ`n" +
          "  https://github.com/astral-sh/python-build-standalone/releases`n" +
          "  và giải nén vào thư mục gói cài để có python\python.exe.")
}

# Keep the interpreter outside the bundle: the installed tool points at it for good.
$appHome = Join-Path $env:LOCALAPPDATA "minutes-tui"
$pythonHome = Join-Path $appHome "python"
New-Item -ItemType Directory -Force -Path $appHome | Out-Null
if (-not (Test-Path (Join-Path $pythonHome "python.exe"))) {
    Write-Host "Chép Python vào $pythonHome …"
    Copy-Item -Recurse -Path (Split-Path -Parent $Python) -Destination $pythonHome
}
$installedPython = Join-Path $pythonHome "python.exe"

# Never reach for the network: every wheel is in the bundle.
$env:UV_OFFLINE = "1"
$env:UV_PYTHON_DOWNLOADS = "never"
Write-Host "Cài minutes-tui …"
& $uv tool install --offline --no-index --find-links $wheels --python $installedPython --force minutes-tui
if ($LASTEXITCODE -ne 0) { Fail "uv tool install thất bại (exit $LASTEXITCODE)." }

# Put uv's tool folder on the user's PATH (takes effect in new terminals).
& $uv tool update-shell | Out-Null
$bin = (& $uv tool dir --bin).Trim()
if (-not (Test-Path (Join-Path $bin "minutes-tui.exe"))) { Fail "Không thấy minutes-tui.exe trong $bin sau khi cài." }

& (Join-Path $bin "minutes-tui.exe") --version
if ($LASTEXITCODE -ne 0) { Fail "minutes-tui --version thất bại (exit $LASTEXITCODE)." }

Write-Host ""
Write-Host "Đã cài xong. Mở một cửa sổ Windows Terminal MỚI rồi gõ:  minutes-tui --demo" -ForegroundColor Green
Write-Host "Installed. Open a NEW Windows Terminal and type:  minutes-tui --demo"
exit 0
