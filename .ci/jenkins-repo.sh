# Source this file (`. .ci/jenkins-repo.sh`) from the repository root to build where the Jenkins
# Maven repository is out of reach but ../shared/jenkins-repo, a copy built from source, is there.
# It points Maven at that folder's settings.xml, which mirrors every repository but Central to it,
# and says so in one line; elsewhere it does nothing. The POMs stay as on any machine.
if [ -d ../shared/jenkins-repo ]; then
  JENKINS_REPO=$(cd ../shared/jenkins-repo && pwd)
  export JENKINS_REPO
  case " ${MAVEN_ARGS:-} " in
    *" -s $JENKINS_REPO/settings.xml "*) ;;
    *) export MAVEN_ARGS="${MAVEN_ARGS:+$MAVEN_ARGS }-s $JENKINS_REPO/settings.xml" ;;
  esac
  echo "Jenkins Maven repository: served from $JENKINS_REPO (its settings.xml); Maven Central for the rest" >&2
fi
