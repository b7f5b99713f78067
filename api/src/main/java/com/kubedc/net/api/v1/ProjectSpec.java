package com.kubedc.net.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Desired network of a Project. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProjectSpec {
    @Required
    @JsonPropertyDescription("CidrBlock general VPC subnet IP range")
    private String cidrBlock;

    @Required
    @SchemaFrom(type = NetworkTypeSchema.class)
    @ValidationRule(value = "self == oldSelf", message = "egressNetworkType is immutable")
    @JsonPropertyDescription("External network type of the project gateway (default EIP and SNAT): public or cloud")
    private String egressNetworkType;

    @JsonPropertyDescription("IP address to assign to vpc nat gateway inside CidrBlock subnet")
    private String gwLanIp;

    public String getCidrBlock() {
        return cidrBlock;
    }

    public void setCidrBlock(String cidrBlock) {
        this.cidrBlock = cidrBlock;
    }

    public String getEgressNetworkType() {
        return egressNetworkType;
    }

    public void setEgressNetworkType(String egressNetworkType) {
        this.egressNetworkType = egressNetworkType;
    }

    public String getGwLanIp() {
        return gwLanIp;
    }

    public void setGwLanIp(String gwLanIp) {
        this.gwLanIp = gwLanIp;
    }
}
