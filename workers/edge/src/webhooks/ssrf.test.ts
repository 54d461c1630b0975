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

  // Hostile forms found in review (issue 14) and the usual SSRF bypass lists: every IPv6 embedding of
  // a private IPv4 address, tunnels, wildcard DNS, trailing dots, IDN and alternative IPv4 notations.
  it.each([
    ["https://[::ffff:169.254.169.254]/", "metadata"],
    ["https://[::ffff:a9fe:a9fe]/", "metadata"],
    ["https://[::169.254.169.254]/", "metadata"],
    ["https://[::a9fe:a9fe]/", "metadata"],
    ["https://[::ffff:0:169.254.169.254]/", "metadata"],
    ["https://[::ffff:0:a00:1]/", "private"],
    ["https://[::10.0.0.1]/", "private"],
    ["https://[::ffff:10.0.0.1]/", "private"],
    ["https://[::ffff:7f00:1]/", "loopback"],
    ["https://[::127.0.0.1]/", "loopback"],
    ["https://[64:ff9b::a9fe:a9fe]/", "metadata"],
    ["https://[64:ff9b::127.0.0.1]/", "loopback"],
    ["https://[64:ff9b:1::192.168.0.1]/", "private"],
    ["https://[2002:a9fe:a9fe::]/", "metadata"],
    ["https://[2002:7f00:1::1]/", "loopback"],
    ["https://[2002:c0a8:101::]/", "private"],
    ["https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "reserved"],
    ["https://[2001::1]/", "reserved"],
    ["https://[2001:db8::1]/", "reserved"],
    ["https://[100::1]/", "reserved"],
    ["https://[fec0::1]/", "private"],
    ["https://[fd12:3456::1]/", "private"],
    ["https://[fe80::1%25eth0]/", "absolute URL"], // zone ids do not parse
    ["https://[ff02::1]/", "reserved"],
    ["https://169.254.169.254.nip.io/", "metadata"],
    ["https://10.0.0.1.sslip.io/", "private"],
    ["https://10-0-0-1.sslip.io/", "private"],
    ["https://a9fea9fe.nip.io/", "metadata"],
    ["https://anything.nip.io/", "wildcard-dns"],
    ["https://localtest.me/", "wildcard-dns"],
    ["https://app.localtest.me/", "wildcard-dns"],
    ["https://lvh.me/", "wildcard-dns"],
    ["https://127.0.0.1.example.com/", "loopback"],
    ["https://192-168-1-1.example.com/", "private"],
    ["https://localhost./", "loopback"],
    ["https://127.0.0.1./", "loopback"],
    ["https://metadata.google.internal./", "metadata"],
    ["https://2130706433/", "loopback"],
    ["https://0177.0.0.1/", "loopback"],
    ["https://0x7f.0x0.0x0.0x1/", "loopback"],
    ["https://0xa9fea9fe/", "metadata"],
    ["https://10.1/", "private"],
    ["https://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/", "loopback"],
    ["https://１２７.０.０.１/", "loopback"],
    ["https://ｌｏｃａｌｈｏｓｔ/", "loopback"],
    ["https://192.0.2.10/", "reserved"],
    ["https://203.0.113.7/", "reserved"],
    ["https://255.255.255.255/", "reserved"],
    ["https://[::]/", "reserved"],
    ["https://[0:0:0:0:0:ffff:192.168.1.1]/", "private"],
  ])("refuses the hostile form %s (%s)", (url, why) => {
    expect(refuseWebhookUrl(url, prod)).toContain(why);
  });

  it("still accepts public hosts that merely contain digits or public embedded addresses", () => {
    expect(refuseWebhookUrl("https://hooks2.example.com/", prod)).toBeNull();
    expect(refuseWebhookUrl("https://8.8.8.8.example.com/", prod)).toBeNull();
    expect(refuseWebhookUrl("https://[2002:808:808::1]/", prod)).toBeNull();
    expect(refuseWebhookUrl("https://[::ffff:8.8.8.8]/", prod)).toBeNull();
    expect(refuseWebhookUrl("https://xn--bcher-kva.example/", prod)).toBeNull();
  });

  it("allows http and loopback only when the dev config says so", () => {
    expect(refuseWebhookUrl("http://127.0.0.1:9999/hook", dev)).toBeNull();
    expect(refuseWebhookUrl("http://10.0.0.1/hook", dev)).toContain("private");
    expect(refuseWebhookUrl("http://127.0.0.1:9999/hook", { allowHttp: true, allowLoopback: false })).toContain(
      "loopback",
    );
  });
});
