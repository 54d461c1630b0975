import { describe, expect, it } from "vitest";
import { refuseWebhookUrl } from "./ssrf.js";

const prod = { allowHttp: false, allowLoopback: false };
const dev = { allowHttp: true, allowLoopback: true };

describe("refuseWebhookUrl", () => {
  it("accepts public https URLs", () => {
    expect(refuseWebhookUrl("https://hooks.example.com/x?y=1", prod)).toBeNull();
    expect(refuseWebhookUrl("https://93.184.216.34/x", prod)).toBeNull();
    expect(refuseWebhookUrl("https://[2606:4700::1111]/x", prod)).toBeNull();
  });

  it.each([
    ["http://hooks.example.com/", "https"],
    ["ftp://hooks.example.com/", "https"],
    ["https://127.0.0.1/", "loopback"],
    ["https://127.1/", "loopback"],
    ["https://0x7f000001/", "loopback"],
    ["https://localhost/", "loopback"],
    ["https://api.localhost/", "loopback"],
    ["https://[::1]/", "loopback"],
    ["https://[::ffff:127.0.0.1]/", "loopback"],
    ["https://10.0.0.1/", "private"],
    ["https://172.16.5.4/", "private"],
    ["https://192.168.1.1/", "private"],
    ["https://100.64.0.1/", "private"],
    ["https://[fc00::1]/", "private"],
    ["https://db.internal/", "private"],
    ["https://intranet/", "private"],
    ["https://169.254.10.10/", "link-local"],
    ["https://[fe80::1]/", "link-local"],
    ["https://169.254.169.254/", "metadata"],
    ["https://[fd00:ec2::254]/", "metadata"],
    ["https://metadata.google.internal/", "metadata"],
    ["https://0.0.0.0/", "reserved"],
    ["https://[::]/", "reserved"],
    ["https://224.0.0.1/", "reserved"],
    ["https://[64:ff9b::10.0.0.1]/", "private"],
    ["https://u:p@hooks.example.com/", "credentials"],
  ])("refuses %s (%s)", (url, why) => {
    expect(refuseWebhookUrl(url, prod)).toContain(why);
  });

  it("allows http and loopback only when the dev config says so", () => {
    expect(refuseWebhookUrl("http://127.0.0.1:9999/hook", dev)).toBeNull();
    expect(refuseWebhookUrl("http://10.0.0.1/hook", dev)).toContain("private");
    expect(refuseWebhookUrl("http://127.0.0.1:9999/hook", { allowHttp: true, allowLoopback: false })).toContain(
      "loopback",
    );
  });
});
